using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// The Overview's figures, counted by the database per UTC day (<c>instant / 86,400,000</c>, the same on SQLite and
/// PostgreSQL) over the last 30 days, for the given chats or, with <c>null</c>, every chat.
/// </summary>
public sealed class SqlOverviewQuery(Database database)
{
    public const int Days = 30;
    private const long DayMs = 86_400_000;

    /// <summary>When a delivery was due before any retry moved it.</summary>
    public const string FirstDue = "COALESCE(first_due_at, due_at)";

    /// <summary>The UTC day a delivery was first due, spelt as <c>ix_reminder_deliveries_first_day</c> has it (Migration1730DashboardDayIndexes).</summary>
    public const string FirstDueDay = $"{FirstDue} / 86400000";

    /// <summary>1 for a delivery sent within <see cref="OnTimeWithin"/> of its first due time, else 0; spelt as the index has it.</summary>
    public const string SentOnTime =
        $"CASE WHEN state IN ('Sent', 'SentUnconfirmed') AND completed_at IS NOT NULL AND completed_at - {FirstDue} <= 60000 THEN 1 ELSE 0 END";

    /// <summary>The deliveries of every chat first due from <c>@FirstDay</c> (a UTC day number) to <c>@To</c>.</summary>
    internal const string EveryChatWindow = $"{FirstDueDay} >= @FirstDay AND {FirstDue} <= @To";

    /// <summary>Within this of its due time a reminder counts as on time (60,000 ms in <see cref="SentOnTime"/> and the index).</summary>
    public static readonly TimeSpan OnTimeWithin = TimeSpan.FromSeconds(60);

    public async Task<OverviewFigures> LoadAsync(IReadOnlyList<ChatAddress>? chats, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = now.ToUnixTimeMilliseconds() / DayMs;
        var firstDay = today - Days + 1;
        var parameters = new DynamicParameters(new { From = firstDay * DayMs, To = now.ToUnixTimeMilliseconds(), FirstDay = firstDay, Today = today });
        var filter = ChatFilter(chats, parameters);

        // A retried delivery counts on the day and against the time it was first due (see Migration1711DeliveryHealth).
        // Every chat: the range is on the first-due day, which ix_reminder_deliveries_first_day holds in this order with
        // everything else the query reads, so nothing is sorted and no row is fetched. A chat's view: retries only move
        // due_at later, so "due_at >= @From" loses nothing and lets ix_reminder_deliveries_chat_window narrow the rows.
        var window = chats is null ? EveryChatWindow : $"due_at >= @From AND {FirstDue} >= @From AND {FirstDue} <= @To{filter}";
        await using var connection = await database.OpenAsync(cancellationToken);
        var deliveries = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(DeliveriesPerDay(window), parameters, cancellationToken: cancellationToken));

        var due = new long[Days];
        var onTime = new long[Days];
        var late = new long[Days];
        var failed = new long[Days];
        foreach (var row in deliveries)
        {
            var i = (int)(row.Day - firstDay);
            due[i] += row.Count;
            switch (row.State)
            {
                case "Sent" or "SentUnconfirmed":
                    onTime[i] += row.OnTime;
                    late[i] += row.Count - row.OnTime;
                    break;
                case "Failed" or "Missed":
                    failed[i] += row.Count;
                    break;
            }
        }

        // 👍/👎 are stored without the chat they were given in: only a view of every chat can count them.
        DailySeries? helpful = null, unhelpful = null;
        if (chats is null)
        {
            var votes = (await connection.QueryAsync<VoteRow>(new CommandDefinition(
                "SELECT created_at / 86400000 AS Day, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS Helpful, SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS Unhelpful " +
                "FROM answer_feedback WHERE created_at >= @From AND created_at <= @To GROUP BY created_at / 86400000",
                parameters,
                cancellationToken: cancellationToken))).ToList();
            helpful = Series("👍 helpful", "#2e7d32", votes.Select(v => (v.Day, v.Helpful)), firstDay);
            unhelpful = Series("👎 not helpful", "#c62828", votes.Select(v => (v.Day, v.Unhelpful)), firstDay);
        }

        var members = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM (SELECT DISTINCT platform, user_id FROM reminder_subscriptions " +
            $"WHERE state = 'Active' AND kind = 'Routine'{filter}) active_members",
            parameters,
            cancellationToken: cancellationToken));

        // Counted as questions are answered (SqlQuestionGapStore.CountAsync); private chats are under '' and only a
        // view of every chat includes them.
        var questions = (await connection.QueryAsync<KindRow>(new CommandDefinition(
            $"SELECT day AS Day, kind AS Kind, SUM(asked) AS Asked FROM question_counts WHERE day >= @FirstDay AND day <= @Today{filter} GROUP BY day, kind",
            parameters,
            cancellationToken: cancellationToken))).ToList();
        DailySeries Questions(string kind, string name, string colour) =>
            Series(name, colour, questions.Where(q => q.Kind == kind).Select(q => (q.Day, q.Asked)), firstDay);

        // Snapshots from earlier days (ActiveMemberSnapshotService); today is the live count above.
        var snapshots = await connection.QueryAsync<(long Day, long Members)>(new CommandDefinition(
            $"SELECT day, SUM(members) FROM active_members_per_day WHERE day >= @FirstDay AND day < @Today{filter} GROUP BY day",
            parameters,
            cancellationToken: cancellationToken));
        var activeMembers = Series("members with an active reminder", "#1565c0", snapshots.Append((today, members)), firstDay);

        return new OverviewFigures(
            DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(firstDay * DayMs).UtcDateTime),
            Days,
            new DailySeries("due", "#37474f", due),
            new DailySeries("on time", "#2e7d32", onTime),
            new DailySeries("late", "#f9a825", late),
            new DailySeries("failed or missed", "#c62828", failed),
            helpful,
            unhelpful,
            members)
        {
            QuestionsByKind =
            [
                Questions("answer", "answered", "#2e7d32"),
                Questions("clarify", "clarified", "#64b5f6"),
                Questions("not_found", "not found", "#f9a825"),
                Questions("safety", "safety", "#c62828"),
            ],
            ActiveMembers = activeMembers,
        };
    }

    /// <summary>Deliveries per first-due day and state in <paramref name="window"/>, and how many of each went out on time.</summary>
    internal static string DeliveriesPerDay(string window) =>
        $"SELECT {FirstDueDay} AS Day, state AS State, COUNT(*) AS Count, SUM({SentOnTime}) AS OnTime FROM reminder_deliveries WHERE {window} GROUP BY {FirstDueDay}, state";

    private static DailySeries Series(string name, string colour, IEnumerable<(long Day, long Value)> rows, long firstDay)
    {
        var values = new long[Days];
        foreach (var (day, value) in rows)
        {
            values[(int)(day - firstDay)] += value;
        }

        return new DailySeries(name, colour, values);
    }

    /// <summary>An OR of (platform, chat) pairs as parameters; nothing for every chat, and matching nothing for no chats.</summary>
    private static string ChatFilter(IReadOnlyList<ChatAddress>? chats, DynamicParameters parameters)
    {
        if (chats is null)
        {
            return string.Empty;
        }

        if (chats.Count == 0)
        {
            return " AND 1 = 0";
        }

        var terms = new List<string>();
        for (var i = 0; i < chats.Count; i++)
        {
            parameters.Add($"P{i}", chats[i].Platform);
            parameters.Add($"C{i}", chats[i].ChatId);
            terms.Add($"(platform = @P{i} AND chat_id = @C{i})");
        }

        return $" AND ({string.Join(" OR ", terms)})";
    }

    private sealed class DeliveryRow
    {
        public long Day { get; init; }

        public string State { get; init; } = string.Empty;

        public long Count { get; init; }

        public long OnTime { get; init; }
    }

    private sealed class KindRow
    {
        public long Day { get; init; }

        public string Kind { get; init; } = string.Empty;

        public long Asked { get; init; }
    }

    private sealed class VoteRow
    {
        public long Day { get; init; }

        public long Helpful { get; init; }

        public long Unhelpful { get; init; }
    }
}
