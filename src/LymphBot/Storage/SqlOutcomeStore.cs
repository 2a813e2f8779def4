using System.Globalization;
using Dapper;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Storage;

/// <summary>How each occurrence of a routine ended (<c>reminder_outcomes</c>), on both databases with the same SQL.</summary>
public sealed class SqlOutcomeStore(Database database) : IOutcomeStore
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>How far back the closing looks: an occurrence older than this was closed long ago, or never will be.</summary>
    private const int CloseWindowDays = 35;

    private const string RecordSql =
        "INSERT INTO reminder_outcomes (subscription_id, platform, user_id, local_date, outcome, recorded_at) " +
        "VALUES (@SubscriptionId, @Platform, @UserId, @LocalDate, @Outcome, @At) " +
        "ON CONFLICT (subscription_id, local_date) DO UPDATE SET outcome = excluded.outcome, recorded_at = excluded.recorded_at";

    public Task RecordAsync(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                RecordSql, RecordParameters(subscriptionId, member, localDate, outcome, at), transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    public Task<int> SettleAsync(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    RecordSql, RecordParameters(subscriptionId, member, localDate, outcome, at), transaction, cancellationToken: cancellationToken));
                return await PendingDeliveries.SkipAsync(connection, transaction, subscriptionId, localDate, null, reason, cancellationToken);
            },
            cancellationToken);
    }

    private static object RecordParameters(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at) => new
    {
        SubscriptionId = subscriptionId,
        member.Platform,
        member.UserId,
        LocalDate = Date(localDate),
        Outcome = outcome.ToString(),
        At = at.ToUnixTimeMilliseconds(),
    };

    public async Task<IReadOnlyList<OutcomeRecord>> ListAsync(long subscriptionId, DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT subscription_id AS SubscriptionId, local_date AS LocalDate, outcome AS Outcome, recorded_at AS RecordedAt " +
            "FROM reminder_outcomes WHERE subscription_id = @Id AND local_date >= @From ORDER BY local_date",
            new { Id = subscriptionId, From = Date(from) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public Task<int> CloseMissedAsync(string timeZone, TimeOnly localTime, DateOnly today, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO reminder_outcomes (subscription_id, platform, user_id, local_date, outcome, recorded_at) " +
                "SELECT d.subscription_id, s.platform, s.user_id, d.local_date, 'Missed', @At " +
                "FROM reminder_subscriptions s JOIN reminder_deliveries d ON d.subscription_id = s.id AND d.kind = 'Daily' AND d.sequence = 0 " +
                "WHERE s.time_zone = @Zone AND s.local_time = @Time AND d.local_date < @Today AND d.local_date >= @Since " +
                "AND (s.kind = 'Routine' OR (s.kind = 'Program' AND d.local_date < s.last_date)) " +
                "AND NOT EXISTS (SELECT 1 FROM reminder_outcomes o WHERE o.subscription_id = d.subscription_id AND o.local_date = d.local_date) " +
                "ON CONFLICT (subscription_id, local_date) DO NOTHING",
                new
                {
                    Zone = timeZone,
                    Time = ReminderTime.Format(localTime),
                    Today = Date(today),
                    Since = Date(today.AddDays(-CloseWindowDays)),
                    At = at.ToUnixTimeMilliseconds(),
                },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<IReadOnlyList<OutcomeRecord>> ListForMemberAsync(ChatUser member, DateOnly from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT subscription_id AS SubscriptionId, local_date AS LocalDate, outcome AS Outcome, recorded_at AS RecordedAt " +
            "FROM reminder_outcomes WHERE platform = @Platform AND user_id = @UserId AND local_date >= @From ORDER BY local_date, subscription_id",
            new { member.Platform, member.UserId, From = Date(from) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<IReadOnlySet<long>> ListRestingAsync(string timeZone, TimeOnly localTime, DateOnly localDate, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // From the slot's subscriptions (their slot index) to each one's outcome that day (the unique index): no scan of the outcomes.
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT s.id FROM reminder_subscriptions s JOIN reminder_outcomes o ON o.subscription_id = s.id AND o.local_date = @Date " +
            "WHERE s.time_zone = @Zone AND s.local_time = @Time AND o.outcome = 'Rest'",
            new { Zone = timeZone, Time = ReminderTime.Format(localTime), Date = Date(localDate) },
            cancellationToken: cancellationToken));
        return ids.ToHashSet();
    }

    public async Task<bool> CancelRestAsync(long subscriptionId, DateOnly localDate, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM reminder_outcomes WHERE subscription_id = @Id AND local_date = @Date AND outcome = 'Rest'",
                new { Id = subscriptionId, Date = Date(localDate) },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken) > 0;

    public Task<int> RecordPausedAsync(IReadOnlyList<ReminderSubscription> paused, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paused);
        return paused.Count == 0
            ? Task.FromResult(0)
            : database.WriteAsync(
                (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO reminder_outcomes (subscription_id, platform, user_id, local_date, outcome, recorded_at) " +
                    "VALUES (@SubscriptionId, @Platform, @UserId, @LocalDate, 'Paused', @At) ON CONFLICT (subscription_id, local_date) DO NOTHING",
                    paused.Select(s => new { SubscriptionId = s.Id, s.Member.Platform, s.Member.UserId, LocalDate = Date(localDate), At = at.ToUnixTimeMilliseconds() }),
                    transaction,
                    cancellationToken: cancellationToken)),
                cancellationToken);
    }

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public long SubscriptionId { get; init; }

        public string LocalDate { get; init; } = "2000-01-01";

        public string Outcome { get; init; } = nameof(OccurrenceOutcome.Missed);

        public long RecordedAt { get; init; }

        public OutcomeRecord ToRecord() =>
            new(SubscriptionId, DateOnly.ParseExact(LocalDate, DateFormat, CultureInfo.InvariantCulture), Enum.Parse<OccurrenceOutcome>(Outcome), DateTimeOffset.FromUnixTimeMilliseconds(RecordedAt));
    }
}
