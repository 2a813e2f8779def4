using System.Globalization;
using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;

namespace LymphBot.Storage;

/// <summary>Program enrollments (<c>program_enrollments</c>) beside their course subscriptions, on both databases with the same SQL.</summary>
public sealed class SqlProgramEnrollmentStore(Database database) : IProgramEnrollmentStore
{
    private const string DateFormat = "yyyy-MM-dd";

    private const string Columns =
        "id AS Id, program_id AS ProgramId, platform AS Platform, user_id AS UserId, chat_id AS ChatId, subscription_id AS SubscriptionId, " +
        "days AS Days, first_day AS FirstDay, state AS State, joined_at AS JoinedAt, ended_at AS EndedAt, days_done AS DaysDone";

    public Task<ProgramJoinResult> JoinAsync(ProgramEnrollment enrollment, ReminderSubscription course, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(course);
        var member = enrollment.Member;
        var key = new { member.Platform, member.UserId, enrollment.ProgramId, Now = enrollment.JoinedAt.ToUnixTimeMilliseconds() };
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                if (database.Provider == StorageProvider.Postgres)
                {
                    // Two presses on two instances: the second waits here and then finds the first's enrollment.
                    await connection.ExecuteAsync(new CommandDefinition(
                        "SELECT pg_advisory_xact_lock(@Key)", new { Key = SqlReminderStore.MemberLockKey(member.Platform, member.UserId) }, transaction, cancellationToken: cancellationToken));
                }

                // A course that ended while the bot was down never wrote its summary: its enrollment is over all the same.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE program_enrollments SET state = 'Finished', ended_at = @Now " +
                    "WHERE platform = @Platform AND user_id = @UserId AND program_id = @ProgramId AND state = 'Active' AND NOT EXISTS " +
                    "(SELECT 1 FROM reminder_subscriptions s WHERE s.id = program_enrollments.subscription_id AND s.state NOT IN ('Finished', 'Draft'))",
                    key, transaction, cancellationToken: cancellationToken));
                var existing = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                    $"SELECT {Columns} FROM program_enrollments WHERE platform = @Platform AND user_id = @UserId AND program_id = @ProgramId AND state = 'Active'",
                    key, transaction, cancellationToken: cancellationToken));
                if (existing is not null)
                {
                    return new ProgramJoinResult(false, existing.ToEnrollment());
                }

                var courseId = await SqlReminderStore.InsertAsync(connection, transaction, course with { Kind = ReminderKind.Program }, cancellationToken);
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "INSERT INTO program_enrollments (program_id, platform, user_id, chat_id, subscription_id, days, first_day, state, joined_at) " +
                    "VALUES (@ProgramId, @Platform, @UserId, @ChatId, @SubscriptionId, @Days, @FirstDay, 'Active', @Now) RETURNING id",
                    new
                    {
                        enrollment.ProgramId,
                        member.Platform,
                        member.UserId,
                        enrollment.Chat.ChatId,
                        SubscriptionId = courseId,
                        enrollment.Days,
                        FirstDay = enrollment.FirstDay.ToString(DateFormat, CultureInfo.InvariantCulture),
                        key.Now,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                return new ProgramJoinResult(true, enrollment with { Id = id, SubscriptionId = courseId, State = ProgramEnrollmentState.Active });
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<ProgramEnrollment>> ListForMemberAsync(ChatUser member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return await QueryAsync($"SELECT {Columns} FROM program_enrollments WHERE platform = @Platform AND user_id = @UserId ORDER BY id DESC", new { member.Platform, member.UserId }, cancellationToken);
    }

    public async Task<ProgramEnrollment?> FindBySubscriptionAsync(long subscriptionId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM program_enrollments WHERE subscription_id = @Id", new { Id = subscriptionId }, cancellationToken)).FirstOrDefault();

    public async Task<bool> EndAsync(long enrollmentId, ProgramEnrollmentState state, int? daysDone, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE program_enrollments SET state = @State, days_done = @DaysDone, ended_at = @At WHERE id = @Id AND state = 'Active'",
            new { Id = enrollmentId, State = state.ToString(), DaysDone = daysDone, At = at.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<ProgramCounts>> CountAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);

        // An active enrollment whose course is over (or gone) without its summary counts as finished, as JoinAsync treats it.
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT e.program_id AS ProgramId, COUNT(*) AS Joined, " +
            "SUM(CASE WHEN e.state = 'Active' AND s.state IS NOT NULL AND s.state <> 'Finished' THEN 1 ELSE 0 END) AS Running, " +
            "SUM(CASE WHEN e.state = 'Finished' OR (e.state = 'Active' AND (s.state IS NULL OR s.state = 'Finished')) THEN 1 ELSE 0 END) AS Completed, " +
            "SUM(CASE WHEN e.state = 'Left' THEN 1 ELSE 0 END) AS Stopped " +
            "FROM program_enrollments e LEFT JOIN reminder_subscriptions s ON s.id = e.subscription_id " +
            "WHERE e.platform = @Platform AND e.chat_id = @ChatId GROUP BY e.program_id ORDER BY e.program_id",
            new { chat.Platform, chat.ChatId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ProgramCounts(r.ProgramId, (int)r.Joined, (int)r.Running, (int)r.Completed, (int)r.Stopped))];
    }

    private async Task<List<ProgramEnrollment>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).Select(r => r.ToEnrollment())];
    }

    private sealed class CountRow
    {
        public string ProgramId { get; init; } = string.Empty;

        public long Joined { get; init; }

        public long Running { get; init; }

        public long Completed { get; init; }

        public long Stopped { get; init; }
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string ProgramId { get; init; } = string.Empty;

        public string Platform { get; init; } = string.Empty;

        public string UserId { get; init; } = string.Empty;

        public string ChatId { get; init; } = string.Empty;

        public long? SubscriptionId { get; init; }

        public int Days { get; init; }

        public string FirstDay { get; init; } = "2000-01-01";

        public string State { get; init; } = nameof(ProgramEnrollmentState.Active);

        public long JoinedAt { get; init; }

        public long? EndedAt { get; init; }

        public int? DaysDone { get; init; }

        public ProgramEnrollment ToEnrollment() =>
            new(Id, ProgramId, new ChatUser(Platform, UserId, string.Empty), new ChatAddress(Platform, ChatId), Days,
                DateOnly.ParseExact(FirstDay, DateFormat, CultureInfo.InvariantCulture), Enum.Parse<ProgramEnrollmentState>(State), DateTimeOffset.FromUnixTimeMilliseconds(JoinedAt))
            {
                SubscriptionId = SubscriptionId,
                EndedAt = EndedAt is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null,
                DaysDone = DaysDone,
            };
    }
}
