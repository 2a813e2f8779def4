using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Storage;

namespace LymphBot.Tests.Dashboard;

/// <summary>The Overview's per-day questions and members, written and read back, on every database provider.</summary>
public abstract class OverviewSeriesContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<Database> CreateDatabaseAsync();

    /// <summary>
    /// Every chat is counted from the first-due day index, a chat's view from the chat index: both must give what
    /// the rule says, for deliveries retried across midnight, due later today, before the window, in every state.
    /// </summary>
    [SkippableFact]
    public async Task Reminders_EveryChatAndEachChat_CountedByFirstDueDay_AndAddUp()
    {
        var database = await CreateDatabaseAsync();
        const long Day = 86_400_000;
        var now = Now.ToUnixTimeMilliseconds();
        var today = now / Day;
        var random = new Random(1730);
        var rows = new List<(string Chat, long FirstDue, long Due, string State, long? Completed)>();
        string[] states = ["Sent", "Sent", "SentUnconfirmed", "Failed", "Missed", "Skipped", "Pending", "Sending"];
        for (var i = 0; i < 400; i++)
        {
            // From 31 days back to 2 hours ahead, some retried past midnight, sent 0-180 s after first due.
            var firstDue = now - (long)(random.NextDouble() * 31 * Day) + (i % 20 == 0 ? 2 * 3_600_000 : 0);
            var due = i % 7 == 0 ? firstDue + (long)(random.NextDouble() * Day) : firstDue;
            var state = states[random.Next(states.Length)];
            long? completed = state is "Sent" or "SentUnconfirmed" && i % 11 != 0 ? firstDue + random.Next(0, 180_000) : state is "Failed" or "Missed" ? due : null;
            rows.Add(($"chat-{i % 3}", firstDue, due, state, completed));
        }

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            var id = 0;
            foreach (var row in rows)
            {
                id++;
                await connection.ExecuteAsync(
                    "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text, completed_at, first_due_at) " +
                    "VALUES (@Id, 'telegram', @Chat, '2026-12-07', 'Daily', @Due, @State, 1, 'x', @Completed, @FirstDue)",
                    new { Id = id, row.Chat, row.Due, row.State, row.Completed, FirstDue = row.Due == row.FirstDue ? (long?)null : row.FirstDue });
            }
        }

        long[] Expected(string? chat, Func<(string Chat, long FirstDue, long Due, string State, long? Completed), bool> counts)
        {
            var values = new long[SqlOverviewQuery.Days];
            foreach (var row in rows.Where(r => (chat is null || r.Chat == chat) && r.FirstDue <= now && r.FirstDue / Day > today - SqlOverviewQuery.Days && counts(r)))
            {
                values[(int)(row.FirstDue / Day - (today - SqlOverviewQuery.Days + 1))]++;
            }

            return values;
        }

        static bool Sent((string Chat, long FirstDue, long Due, string State, long? Completed) r) => r.State is "Sent" or "SentUnconfirmed";
        static bool OnTime((string Chat, long FirstDue, long Due, string State, long? Completed) r) => Sent(r) && r.Completed - r.FirstDue <= 60_000;
        var query = new SqlOverviewQuery(database);
        foreach (var chat in new[] { null, "chat-0", "chat-1", "chat-2" })
        {
            var figures = await query.LoadAsync(chat is null ? null : [new ChatAddress("telegram", chat)], Now, CancellationToken.None);
            Assert.Equal(Expected(chat, _ => true), figures.RemindersDue.Values);
            Assert.Equal(Expected(chat, OnTime), figures.OnTime.Values);
            Assert.Equal(Expected(chat, r => Sent(r) && !OnTime(r)), figures.Late.Values);
            Assert.Equal(Expected(chat, r => r.State is "Failed" or "Missed"), figures.Failed.Values);
        }

        Assert.True(Expected(null, r => r.Due / Day != r.FirstDue / Day).Sum() > 0, "no delivery retried past midnight: the first-due day went untested");
    }

    [SkippableFact]
    public async Task QuestionCountsAndMemberSnapshots_AddUpPerChatAndDay()
    {
        var database = await CreateDatabaseAsync();
        var gaps = new SqlQuestionGapStore(database);
        var group = new ChatAddress("telegram", "-100");
        await gaps.CountAsync(GapScope.Of(group, ChatKind.Group), AnswerKind.Answer, Now, CancellationToken.None);
        await gaps.CountAsync(GapScope.Of(group, ChatKind.Group), AnswerKind.Answer, Now, CancellationToken.None);
        await gaps.CountAsync(GapScope.Of(group, ChatKind.Group), AnswerKind.Clarify, Now.AddDays(-1), CancellationToken.None);
        await gaps.CountAsync(GapScope.Of(new ChatAddress("telegram", "42"), ChatKind.Direct), AnswerKind.Safety, Now, CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, local_time, time_zone, state, created_at, kind) VALUES " +
                "('telegram', 'a', '-100', '08:00', 'UTC', 'Active', 0, 'Routine'), ('telegram', 'b', '-100', '08:00', 'UTC', 'Active', 0, 'Routine'), " +
                "('telegram', '42', '42', '08:00', 'UTC', 'Active', 0, 'Routine')");
        }

        var snapshots = new SqlActiveMemberSnapshots(database);
        await snapshots.RecordAsync(Now.AddDays(-1), CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE reminder_subscriptions SET state = 'Paused' WHERE user_id = 'b'");
        }

        // A later, lower count the same day keeps the day's highest.
        await snapshots.RecordAsync(Now.AddDays(-1).AddHours(1), CancellationToken.None);

        var query = new SqlOverviewQuery(database);
        var group1 = await query.LoadAsync([group], Now, CancellationToken.None);
        var every = await query.LoadAsync(null, Now, CancellationToken.None);

        Assert.Equal([2L, 0L, 0L, 0L], group1.QuestionsByKind.Select(s => s.Values[^1]));
        Assert.Equal([0L, 1L, 0L, 0L], group1.QuestionsByKind.Select(s => s.Values[^2]));
        Assert.Equal([2L, 0L, 0L, 1L], every.QuestionsByKind.Select(s => s.Values[^1]));
        Assert.Equal((2L, 1L), (group1.ActiveMembers!.Values[^2], group1.ActiveMembers.Values[^1]));
        Assert.Equal((3L, 2L), (every.ActiveMembers!.Values[^2], every.ActiveMembers.Values[^1]));
    }
}
