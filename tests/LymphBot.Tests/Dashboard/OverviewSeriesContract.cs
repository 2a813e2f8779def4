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
