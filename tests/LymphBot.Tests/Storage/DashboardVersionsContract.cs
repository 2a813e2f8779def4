using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Storage;

namespace LymphBot.Tests.Storage;

/// <summary>
/// The dashboard's kept figures are as fresh as <see cref="DashboardVersions"/>: an area's number must move with every
/// committed write to what the area reads, by any writer (the stores, or plain SQL from another connection), and must
/// stay when only another area is written, which is what lets a question not void the delivery figures.
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
        var deliveries = await versions.ReadAsync(DashboardVersions.Deliveries, CancellationToken.None);

        var before = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        await gaps.RecordAsync("does swelling get worse when flying", Scope, At, CancellationToken.None);
        var afterInsert = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        await gaps.RecordAsync("does swelling get worse when flying", Scope, At.AddMinutes(1), CancellationToken.None);
        var afterUpdate = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        await new SqlAnswerFeedbackStore(database).RecordAsync(
            new AnswerFeedback("travel-flying", false, new ChatUser("telegram", "11", "Ann"), At) { Question = "flying and swelling", Scope = Scope }, CancellationToken.None);
        var afterVote = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);

        Assert.True(before < afterInsert && afterInsert < afterUpdate && afterUpdate < afterVote, $"{before} {afterInsert} {afterUpdate} {afterVote}");
        Assert.Equal(deliveries, await versions.ReadAsync(DashboardVersions.Deliveries, CancellationToken.None));

        // Each row carries the number of its last change, which is what the page reads changes by.
        var changed = await new SqlGapInbox(database).ChangesAsync(afterInsert, CancellationToken.None);
        Assert.Equal(afterVote, changed.Version);
        Assert.Equal(2, changed.Rows.Count);
        Assert.Equal(2, Assert.Single(changed.Rows, r => r.Row.FeedbackId is null).Row.Count);
    }

    [SkippableFact]
    public async Task Deliveries_MoveWithAnyWriterOfDeliveries_GapsStay()
    {
        var database = await CreateDatabaseAsync();
        var versions = new DashboardVersions(database);
        var gaps = await versions.ReadAsync(DashboardVersions.Gaps, CancellationToken.None);
        var before = await versions.ReadAsync(DashboardVersions.Deliveries, CancellationToken.None);

        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(
                "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text) " +
                "VALUES (1, 'telegram', 'chat-1', '2026-12-07', 'Daily', 0, 'Pending', 0, 'Your routine')",
                transaction: transaction),
            CancellationToken.None);
        var afterInsert = await versions.ReadAsync(DashboardVersions.Deliveries, CancellationToken.None);
        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync("UPDATE reminder_deliveries SET state = 'Sent', completed_at = 1000", transaction: transaction),
            CancellationToken.None);
        var afterUpdate = await versions.ReadAsync(DashboardVersions.Deliveries, CancellationToken.None);

        Assert.True(before < afterInsert && afterInsert < afterUpdate, $"{before} {afterInsert} {afterUpdate}");
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
