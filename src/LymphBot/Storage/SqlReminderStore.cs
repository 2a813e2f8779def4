using System.Globalization;
using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Storage;

public sealed class SqlReminderStore(Database database) : IReminderStore
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>What members list, count and the slots fire: every subscription but the finished ones and the drafts.</summary>
    private const string Live = "state NOT IN ('Finished', 'Draft')";

    /// <summary>How long an unsaved preview is kept (deleted when the member previews another after that).</summary>
    private static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(1);

    private const string Columns =
        "id AS Id, platform AS Platform, user_id AS UserId, chat_id AS ChatId, thread_id AS ThreadId, local_time AS LocalTime, " +
        "time_zone AS TimeZone, state AS State, paused_until AS PausedUntil, pause_reason AS PauseReason, created_at AS CreatedAt, kind AS Kind, " +
        "schedule_days AS ScheduleDays, every_days AS EveryDays, first_date AS FirstDate, last_date AS LastDate, label AS Label, routine_id AS RoutineId";

    private const string Insert =
        "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, thread_id, local_time, time_zone, state, paused_until, pause_reason, created_at, kind, " +
        "schedule_days, every_days, first_date, last_date, label, routine_id) " +
        "VALUES (@Platform, @UserId, @ChatId, @ThreadId, @LocalTime, @TimeZone, @State, NULL, NULL, @CreatedAt, @Kind, " +
        "@ScheduleDays, @EveryDays, @FirstDate, @LastDate, @Label, @RoutineId) RETURNING id";

    public async Task<ReminderSubscription> AddAsync(ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert, InsertParameters(subscription), cancellationToken: cancellationToken));
        return subscription with { Id = id };
    }

    /// <summary>Inserts a subscription inside a caller's transaction (a program's course with its enrollment); returns its id.</summary>
    internal static Task<long> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, ReminderSubscription subscription, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert, InsertParameters(subscription), transaction, cancellationToken: cancellationToken));

    public Task<ReminderAddResult> AddRoutineAsync(ReminderSubscription subscription, int maxPerMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var member = subscription.Member;
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var existing = await LockMemberAsync(connection, transaction, member, cancellationToken);
                if (existing.Find(r => r.LocalTime == subscription.LocalTime && r.TimeZone == subscription.TimeZone && r.Schedule == subscription.Schedule) is { } same)
                {
                    return new ReminderAddResult(ReminderAddOutcome.Duplicate, same, existing.Count);
                }

                if (existing.Count >= maxPerMember)
                {
                    return new ReminderAddResult(ReminderAddOutcome.LimitReached, null, existing.Count);
                }

                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    Insert, InsertParameters(subscription with { Kind = ReminderKind.Routine }), transaction, cancellationToken: cancellationToken));
                return new ReminderAddResult(ReminderAddOutcome.Added, subscription with { Id = id, Kind = ReminderKind.Routine }, existing.Count);
            },
            cancellationToken);
    }

    /// <summary>
    /// The member's live routine reminders, read after taking the member's lock. SQLite: the database's single writer
    /// already orders this against every other write. PostgreSQL: two instances (or two connections) would both see
    /// room, so the member's reminders are locked first.
    /// </summary>
    private async Task<List<ReminderSubscription>> LockMemberAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, ChatUser member, CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@Key)", new { Key = MemberLockKey(member.Platform, member.UserId) }, transaction, cancellationToken: cancellationToken));
        }

        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND kind = 'Routine' AND {Live} ORDER BY id",
            new { member.Platform, member.UserId }, transaction, cancellationToken: cancellationToken))).Select(r => r.ToSubscription())];
    }

    public Task<IReadOnlyList<ReminderSubscription>> AddDraftAsync(IReadOnlyList<ReminderSubscription> routine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var member = routine[0].Member;
        return database.WriteAsync<IReadOnlyList<ReminderSubscription>>(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND state = 'Draft' AND created_at < @Cutoff",
                    new { member.Platform, member.UserId, Cutoff = (routine[0].CreatedAt - DraftLifetime).ToUnixTimeMilliseconds() },
                    transaction, cancellationToken: cancellationToken));
                var stored = new List<ReminderSubscription>();
                foreach (var subscription in routine)
                {
                    var draft = subscription with { State = ReminderState.Draft, Kind = ReminderKind.Routine, RoutineId = stored.Count == 0 ? null : stored[0].Id };
                    var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert, InsertParameters(draft), transaction, cancellationToken: cancellationToken));
                    stored.Add(draft with { Id = id });
                }

                return stored;
            },
            cancellationToken);
    }

    public Task<DraftSaveResult> SaveDraftAsync(ChatUser member, long draftId, int maxPerMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var existing = await LockMemberAsync(connection, transaction, member, cancellationToken);
                var draft = await ReadDraftAsync(connection, transaction, member, draftId, cancellationToken);
                return await ApplyAsync(connection, transaction, DraftPlan.For(draft, existing, maxPerMember), cancellationToken);
            },
            cancellationToken);
    }

    public Task<DraftSaveResult> ReplaceRoutineAsync(ChatUser member, long draftId, long routineId, int maxPerMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var existing = await LockMemberAsync(connection, transaction, member, cancellationToken);
                var draft = await ReadDraftAsync(connection, transaction, member, draftId, cancellationToken);
                return await ApplyAsync(connection, transaction, DraftPlan.ForEdit(draft, existing, routineId, maxPerMember), cancellationToken);
            },
            cancellationToken);
    }

    private static async Task<List<ReminderSubscription>> ReadDraftAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, ChatUser member, long draftId, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND state = 'Draft' AND (id = @Id OR routine_id = @Id) ORDER BY id",
            new { member.Platform, member.UserId, Id = draftId }, transaction, cancellationToken: cancellationToken))).Select(r => r.ToSubscription())];

    /// <summary>Carries out a draft's plan: its left-out rows deleted, its saved ones live, the routine it replaces finished.</summary>
    private static async Task<DraftSaveResult> ApplyAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, DraftPlan plan, CancellationToken cancellationToken)
    {
        // One statement per row: a draft has at most six, and list parameters are not spelt alike on both databases.
        foreach (var id in plan.Delete)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM reminder_subscriptions WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var saved in plan.Result.Saved)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE reminder_subscriptions SET state = @State, paused_until = @PausedUntil, pause_reason = @PauseReason, routine_id = @RoutineId WHERE id = @Id",
                new { saved.Id, State = saved.State.ToString(), PausedUntil = saved.PausedUntil?.ToUnixTimeMilliseconds(), saved.PauseReason, saved.RoutineId },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var replaced in plan.Result.Replaced)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE reminder_subscriptions SET state = 'Finished', paused_until = NULL, pause_reason = @Reason WHERE id = @Id",
                new { replaced.Id, Reason = DraftPlan.ReplacedReason }, transaction, cancellationToken: cancellationToken));
        }

        return plan.Result;
    }

    public async Task<bool> DeleteDraftAsync(ChatUser member, long draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND state = 'Draft' AND (id = @Id OR routine_id = @Id)",
            new { member.Platform, member.UserId, Id = draftId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>A stable 64-bit key per member for PostgreSQL's advisory lock (FNV-1a; string.GetHashCode differs per process).</summary>
    internal static long MemberLockKey(string platform, string userId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in $"reminders:{platform}:{userId}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static object InsertParameters(ReminderSubscription subscription)
    {
        // Every day with no end is stored as NULLs, exactly as rows from before schedules had words.
        var schedule = subscription.Schedule;
        return new
        {
            subscription.Member.Platform,
            subscription.Member.UserId,
            subscription.Chat.ChatId,
            subscription.Chat.ThreadId,
            LocalTime = ReminderTime.Format(subscription.LocalTime),
            subscription.TimeZone,
            State = subscription.State.ToString(),
            CreatedAt = subscription.CreatedAt.ToUnixTimeMilliseconds(),
            Kind = subscription.Kind.ToString(),
            ScheduleDays = schedule.Days == ScheduleDays.Every ? (int?)null : (int)schedule.Days,
            EveryDays = schedule.EveryDays == 1 ? (int?)null : schedule.EveryDays,
            FirstDate = schedule.From?.ToString(DateFormat, CultureInfo.InvariantCulture),
            LastDate = schedule.Until?.ToString(DateFormat, CultureInfo.InvariantCulture),
            subscription.Label,
            subscription.RoutineId,
        };
    }

    public async Task<IReadOnlyList<ReminderSubscription>> ListForMemberAsync(string platform, string userId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND kind = 'Routine' AND {Live} ORDER BY id", new { Platform = platform, UserId = userId }, cancellationToken);

    public async Task<IReadOnlyList<ReminderSubscription>> ListReplacedForMemberAsync(string platform, string userId, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Columns} FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND kind = 'Routine' AND state = 'Finished' AND pause_reason = @Reason ORDER BY id",
            new { Platform = platform, UserId = userId, Reason = DraftPlan.ReplacedReason },
            cancellationToken);

    public async Task<ReminderSubscription?> FindTipOfTheDayAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return (await QueryAsync(
            $"SELECT {Columns} FROM reminder_subscriptions WHERE platform = @Platform AND chat_id = @ChatId AND kind = 'TipOfTheDay' ORDER BY id",
            new { chat.Platform, chat.ChatId },
            cancellationToken)).FirstOrDefault();
    }

    public async Task<ReminderSubscription?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM reminder_subscriptions WHERE id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    public async Task UpdateStateAsync(long id, ReminderState state, DateTimeOffset? pausedUntil, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminder_subscriptions SET state = @State, paused_until = @PausedUntil, pause_reason = @Reason WHERE id = @Id",
            new { Id = id, State = state.ToString(), PausedUntil = pausedUntil?.ToUnixTimeMilliseconds(), Reason = reason },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminder_deliveries WHERE subscription_id = @Id AND state = 'Pending'", new { Id = id }, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminder_subscriptions WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<ReminderSubscription>> ListSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Columns} FROM reminder_subscriptions WHERE time_zone = @TimeZone AND local_time = @LocalTime AND {Live} ORDER BY id",
            new { TimeZone = timeZone, LocalTime = ReminderTime.Format(localTime) },
            cancellationToken);

    public async Task<IReadOnlyList<(string TimeZone, TimeOnly LocalTime)>> ListSlotsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string)>(new CommandDefinition(
            $"SELECT DISTINCT time_zone, local_time FROM reminder_subscriptions WHERE {Live}", cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Item1, TimeOnly.ParseExact(r.Item2, "HH:mm", CultureInfo.InvariantCulture)))];
    }

    private async Task<List<ReminderSubscription>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription())];
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string Platform { get; init; } = string.Empty;

        public string UserId { get; init; } = string.Empty;

        public string ChatId { get; init; } = string.Empty;

        public string? ThreadId { get; init; }

        public string LocalTime { get; init; } = "00:00";

        public string TimeZone { get; init; } = "UTC";

        public string State { get; init; } = nameof(ReminderState.Active);

        public long? PausedUntil { get; init; }

        public string? PauseReason { get; init; }

        public long CreatedAt { get; init; }

        public string Kind { get; init; } = nameof(ReminderKind.Routine);

        public int? ScheduleDays { get; init; }

        public int? EveryDays { get; init; }

        public string? FirstDate { get; init; }

        public string? LastDate { get; init; }

        public string? Label { get; init; }

        public long? RoutineId { get; init; }

        public ReminderSubscription ToSubscription()
        {
            var time = TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture);
            var subscription = new ReminderSubscription(Id, new ChatUser(Platform, UserId, string.Empty), new ChatAddress(Platform, ChatId, ThreadId),
                time, TimeZone, Enum.Parse<ReminderState>(State), DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt))
            {
                PausedUntil = PausedUntil is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null,
                PauseReason = PauseReason,
                Kind = Enum.Parse<ReminderKind>(Kind),
                Label = Label,
                RoutineId = RoutineId,
            };

            // Most rows are plain daily reminders (all schedule columns NULL): they keep the default, built on no read.
            return ScheduleDays is null && EveryDays is null && FirstDate is null && LastDate is null
                ? subscription
                : subscription with
                {
                    Schedule = new ReminderSchedule(
                        [time], (Core.Scheduling.ScheduleDays?)ScheduleDays ?? Core.Scheduling.ScheduleDays.Every, EveryDays ?? 1, Date(FirstDate), Date(LastDate)),
                };
        }

        private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);
    }
}
