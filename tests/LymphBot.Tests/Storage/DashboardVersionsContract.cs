using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Storage;

namespace LymphBot.Tests.Storage;

/// <summary>
/// The dashboard's kept figures are as fresh as <see cref="DashboardVersions"/>: an area's number must move with every
/// committed write to what the area reads, by any writer (the stores, or plain SQL from another connection), and must
/// stay when only another area is written, which is what lets a question not void the delivery figures, and a delivery
/// written now not void the closed hours kept of the deliveries.
/// </summary>
public abstract class DashboardVersionsContract
{
    private static readonly GapScope Scope = GapScope.Group(new ChatAddress("telegram", "group-1"));
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<Database> CreateDatabaseAsync();

    [SkippableFact]
    public async Task Gaps_MoveWithEachQuestionAndVote_DeliveriesStay()
    {
        var database = await CreateDatabaseAsync();
        var versions = new DashboardVersions(database);
        var gaps = new SqlQuestionGapStore(database);
        var settled = await versions.ReadAsync(DashboardVersions.DeliveriesSettled, CancellationToken.None);

        var before = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        await gaps.RecordAsync("does swelling get worse when flying", Scope, At, CancellationToken.None);
        var afterInsert = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        await gaps.RecordAsync("does swelling get worse when flying", Scope, At.AddMinutes(1), CancellationToken.None);
        var afterUpdate = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        await new SqlAnswerFeedbackStore(database).RecordAsync(
            new AnswerFeedback("travel-flying", false, new ChatUser("telegram", "11", "Ann"), At) { Question = "flying and swelling", Scope = Scope }, CancellationToken.None);
        var afterVote = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);

        Assert.True(before < afterInsert && afterInsert < afterUpdate && afterUpdate < afterVote, $"{before} {afterInsert} {afterUpdate} {afterVote}");
        Assert.Equal(settled, await versions.ReadAsync(DashboardVersions.DeliveriesSettled, CancellationToken.None));

        // Each row carries the number of its last change, which is what the page reads changes by.
        var changed = await new SqlGapInbox(database).ChangesAsync(afterInsert, CancellationToken.None);
        Assert.Equal(afterVote, changed.Version);
        Assert.Equal(2, changed.Rows.Count);
        Assert.Equal(2, Assert.Single(changed.Rows, r => r.Row.FeedbackId is null).Row.Count);
    }

    [SkippableFact]
    public async Task Settled_MovesWithWritesToDeliveriesBeforeTheSealedBoundary_NotWithTheOutboxNow()
    {
        var database = await CreateDatabaseAsync();
        var versions = new DashboardVersions(database);
        var gaps = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        var boundary = At.ToUnixTimeMilliseconds();
        Task<int> Write(string sql) => database.WriteAsync((connection, transaction) => connection.ExecuteAsync(sql, transaction: transaction), CancellationToken.None);
        string Delivery(long id, long due) =>
            "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text) " +
            $"VALUES ({id}, 'telegram', 'chat-1', '2026-12-07', 'Daily', {due}, 'Pending', 0, 'Your routine')";
        await Write(Delivery(1, boundary - 7_200_000));
        await Write($"UPDATE dashboard_versions SET version = {boundary} WHERE area = '{DashboardVersions.DeliveriesSealed}'");
        var before = await versions.ReadAsync(DashboardVersions.DeliveriesSettled, CancellationToken.None);

        // The outbox at work: a delivery due now, claimed and sent.
        await Write(Delivery(2, boundary + 60_000));
        await Write("UPDATE reminder_deliveries SET state = 'Sent', completed_at = due_at + 1000 WHERE subscription_id = 2");
        var afterNow = await versions.ReadAsync(DashboardVersions.DeliveriesSettled, CancellationToken.None);

        // A late send of one first due before the boundary, one missed recorded there, and an erasure there.
        await Write("UPDATE reminder_deliveries SET state = 'Sent', completed_at = due_at + 1000 WHERE subscription_id = 1");
        var afterLateSend = await versions.ReadAsync(DashboardVersions.DeliveriesSettled, CancellationToken.None);
        await Write(Delivery(3, boundary - 1));
        var afterMissed = await versions.ReadAsync(DashboardVersions.DeliveriesSettled, CancellationToken.None);
        await Write("DELETE FROM reminder_deliveries WHERE subscription_id = 1");
        var afterErasure = await versions.ReadAsync(DashboardVersions.DeliveriesSettled, CancellationToken.None);

        Assert.Equal(before, afterNow);
        Assert.True(afterNow < afterLateSend && afterLateSend < afterMissed && afterMissed < afterErasure, $"{afterNow} {afterLateSend} {afterMissed} {afterErasure}");
        Assert.Equal(gaps, await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Versions_StayWhileOnlyReadsHappen()
    {
        var database = await CreateDatabaseAsync();
        var versions = new DashboardVersions(database);
        await new SqlQuestionGapStore(database).RecordAsync("does swelling get worse when flying", Scope, At, CancellationToken.None);

        var first = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        await new SqlGapInbox(database).OpenAsync(null, 10, CancellationToken.None);
        await new SqlGapInbox(database).ChangesAsync(null, CancellationToken.None);

        Assert.Equal(first, await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None));
    }
}
