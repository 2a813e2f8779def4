using System.Globalization;
using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Storage;

/// <summary>
/// The reminder outbox. Claiming is atomic on both databases: PostgreSQL skips rows other instances hold
/// (<c>FOR UPDATE SKIP LOCKED</c>), SQLite has one writer at a time and <c>UPDATE … RETURNING</c>.
/// </summary>
public sealed class SqlDeliveryStore(Database database) : IDeliveryOutbox, IOccurrenceStore, IDeliveryHistory
{
    private const string Columns =
        "id AS Id, subscription_id AS SubscriptionId, platform AS Platform, chat_id AS ChatId, thread_id AS ThreadId, local_date AS LocalDate, " +
        "kind AS Kind, due_at AS DueAt, state AS State, attempts AS Attempts, text AS Text, reason AS Reason, completed_at AS CompletedAt, sequence AS Sequence";

    private const string InsertSql =
        "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, thread_id, local_date, kind, sequence, due_at, state, attempts, text, reason) " +
        "VALUES (@SubscriptionId, @Platform, @ChatId, @ThreadId, @LocalDate, @Kind, @Sequence, @DueAt, @State, 0, @Text, @Reason) " +
        "ON CONFLICT (subscription_id, local_date, kind, sequence) DO NOTHING";

    // A retry moves due_at to the retry time; the first one keeps the original in first_due_at (the right-hand sides
    // all read the row as it was), so lateness is measured from when the reminder was due, not from its last retry.
    private const string CompleteSql =
        "UPDATE reminder_deliveries SET state = @State, attempts = @Attempts, reason = @Reason, completed_at = @At, claimed_at = NULL, " +
        "first_due_at = CASE WHEN @RetryAt IS NULL THEN first_due_at ELSE COALESCE(first_due_at, due_at) END, " +
        "retries = retries + @Retried, rate_limit_waits = rate_limit_waits + @RateLimited, rate_limit_wait_ms = rate_limit_wait_ms + @WaitMs, " +
        "due_at = CASE WHEN @RetryAt IS NULL THEN due_at ELSE @RetryAt END WHERE id = @Id";

    public Task<int> EnqueueManyAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(InsertSql, deliveries.Select(InsertParameters), transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    public Task CompleteManyAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(CompleteSql, outcomes.Select(CompleteParameters), transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private static object InsertParameters(Delivery delivery) => new
    {
        delivery.SubscriptionId,
        delivery.Chat.Platform,
        delivery.Chat.ChatId,
        delivery.Chat.ThreadId,
        LocalDate = delivery.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Kind = delivery.Kind.ToString(),
        delivery.Sequence,
        DueAt = delivery.DueAt.ToUnixTimeMilliseconds(),
        State = delivery.State.ToString(),
        Text = delivery.Text.Length > 1000 ? delivery.Text[..1000] : delivery.Text,
        delivery.Reason,
    };

    private static object CompleteParameters(DeliveryOutcome outcome) => new
    {
        outcome.Id,
        State = outcome.State.ToString(),
        outcome.Attempts,
        Reason = outcome.Reason is { Length: > 500 } reason ? reason[..500] : outcome.Reason,
        At = outcome.At.ToUnixTimeMilliseconds(),
        RetryAt = outcome.RetryAt?.ToUnixTimeMilliseconds(),
        Retried = outcome.RetryAt is not null && outcome.RateLimitWait is null ? 1 : 0,
        RateLimited = outcome.RetryAt is not null && outcome.RateLimitWait is not null ? 1 : 0,
        WaitMs = outcome.RetryAt is not null && outcome.RateLimitWait is { } wait ? (long)wait.TotalMilliseconds : 0,
    };

    public async Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var lockClause = database.Provider == StorageProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var rows = await database.WriteAsync(
            (connection, transaction) => connection.QueryAsync<Row>(new CommandDefinition(
                "UPDATE reminder_deliveries SET state = 'Sending', claimed_at = @Now WHERE id IN (" +
                $"SELECT id FROM reminder_deliveries WHERE state = 'Pending' AND due_at <= @Now ORDER BY due_at, id LIMIT @Max{lockClause}) " +
                $"RETURNING {Columns}",
                new { Now = now.ToUnixTimeMilliseconds(), Max = max },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
        return [.. rows.Select(r => r.ToDelivery()).OrderBy(d => d.DueAt).ThenBy(d => d.Id)];
    }

    public async Task<int> ReleaseStaleAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminder_deliveries SET state = 'Pending', claimed_at = NULL WHERE state = 'Sending' AND claimed_at < @Before",
            new { Before = claimedBefore.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task<Delivery?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM reminder_deliveries WHERE id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    public async Task<bool> ExistsAsync(long subscriptionId, DateOnly localDate, DeliveryKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM reminder_deliveries WHERE subscription_id = @Id AND local_date = @Date AND kind = @Kind",
            new { Id = subscriptionId, Date = localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Kind = kind.ToString() },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<Delivery?> LatestAsync(long subscriptionId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"SELECT {Columns} FROM reminder_deliveries WHERE subscription_id = @Id ORDER BY due_at DESC, id DESC LIMIT 1",
            new { Id = subscriptionId },
            cancellationToken)).SingleOrDefault();

    public Task<bool> SnoozeAsync(Delivery snooze, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snooze);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                if (await connection.ExecuteAsync(new CommandDefinition(InsertSql, InsertParameters(snooze), transaction, cancellationToken: cancellationToken)) == 0)
                {
                    return false;
                }

                await PendingDeliveries.SkipAsync(connection, transaction, snooze.SubscriptionId, snooze.LocalDate, DeliveryKind.FollowUp, reason, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private async Task<List<Delivery>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDelivery())];
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public long SubscriptionId { get; init; }

        public string Platform { get; init; } = string.Empty;

        public string ChatId { get; init; } = string.Empty;

        public string? ThreadId { get; init; }

        public string LocalDate { get; init; } = "2000-01-01";

        public string Kind { get; init; } = nameof(DeliveryKind.Daily);

        public long DueAt { get; init; }

        public string State { get; init; } = nameof(DeliveryState.Pending);

        public long Attempts { get; init; }

        public string Text { get; init; } = string.Empty;

        public string? Reason { get; init; }

        public long? CompletedAt { get; init; }

        public long Sequence { get; init; }

        public Delivery ToDelivery() =>
            new(Id, SubscriptionId, new ChatAddress(Platform, ChatId, ThreadId), DateOnly.ParseExact(LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Enum.Parse<DeliveryKind>(Kind), DateTimeOffset.FromUnixTimeMilliseconds(DueAt), Enum.Parse<DeliveryState>(State), (int)Attempts, Text)
            {
                Reason = Reason,
                Sequence = (int)Sequence,
            };
    }
}
