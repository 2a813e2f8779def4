using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tips;
using LymphBot.Core.Users;
using LymphBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.Storage;

/// <summary>The same behaviour, proven on every database provider.</summary>
public abstract class ChatUserStoreContract
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 8, 0, 0, 123, TimeSpan.Zero);

    protected abstract Task<Database> CreateDatabaseAsync();

    [SkippableFact]
    public async Task Ensure_FirstContact_CreatesMemberOnce()
    {
        var store = new SqlChatUserStore(await MigratedAsync());
        var ada = new ChatUser("telegram", "111", "Ada");

        var first = await store.EnsureAsync(ada, Created, CancellationToken.None);
        var again = await store.EnsureAsync(ada, Created.AddDays(1), CancellationToken.None);

        Assert.Equal(new ChatUserSettings("telegram", "111", null, Created), first);
        Assert.Equal(first, again);
    }

    [SkippableFact]
    public async Task Save_TimeZone_IsReadBack_AndOtherMembersUntouched()
    {
        var store = new SqlChatUserStore(await MigratedAsync());
        var ada = new ChatUser("telegram", "111", "Ada");
        var bob = new ChatUser("discord", "111", "Bob");
        await store.EnsureAsync(ada, Created, CancellationToken.None);
        await store.EnsureAsync(bob, Created, CancellationToken.None);

        await store.SaveAsync(new ChatUserSettings("telegram", "111", "Europe/Berlin", Created), CancellationToken.None);

        Assert.Equal("Europe/Berlin", (await store.FindAsync(ada, CancellationToken.None))?.TimeZone);
        Assert.Null((await store.FindAsync(bob, CancellationToken.None))?.TimeZone);
        Assert.Null(await store.FindAsync(new ChatUser("telegram", "999", "Nobody"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Migrate_Twice_IsANoOp()
    {
        var database = await MigratedAsync();
        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);

        await new SqlChatUserStore(database).EnsureAsync(new ChatUser("console", "local", "me"), Created, CancellationToken.None);
    }

    [SkippableFact]
    public async Task Reachability_UnreachableThenReachable_IsPerChatNotPerThread()
    {
        var reachability = new SqlChatReachability(await MigratedAsync(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Created));
        var group = new ChatAddress("telegram", "-100123");

        await reachability.ReportUnreachableAsync(group with { ThreadId = "7" }, "Forbidden: bot was kicked", CancellationToken.None);

        Assert.Equal("Forbidden: bot was kicked", await reachability.FindUnreachableReasonAsync(group, CancellationToken.None));
        Assert.Null(await reachability.FindUnreachableReasonAsync(new ChatAddress("discord", "-100123"), CancellationToken.None));

        await reachability.ReportReachableAsync(group, CancellationToken.None);

        Assert.Null(await reachability.FindUnreachableReasonAsync(group, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Gaps_CountedPerQuestionAndChat_MostAskedFirst()
    {
        var gaps = new SqlQuestionGapStore(await MigratedAsync());
        var group = GapScope.Group(new ChatAddress("telegram", "-100123"));
        var otherGroup = GapScope.Group(new ChatAddress("telegram", "-100999"));

        await gaps.RecordAsync("how much is it", group, Created, CancellationToken.None);
        await gaps.RecordAsync("weather today", group, Created.AddMinutes(1), CancellationToken.None);
        await gaps.RecordAsync("how much is it", group, Created.AddMinutes(2), CancellationToken.None);
        await gaps.RecordAsync("how much is it", otherGroup, Created.AddMinutes(3), CancellationToken.None);

        Assert.Equal(
            [
                new QuestionGap("how much is it", "telegram", 2, Created, Created.AddMinutes(2)),
                new QuestionGap("weather today", "telegram", 1, Created.AddMinutes(1), Created.AddMinutes(1)),
            ],
            await gaps.TopAsync(group, 10, CancellationToken.None));
        Assert.Single(await gaps.TopAsync(group, 1, CancellationToken.None));
        Assert.Empty(await gaps.TopAsync(GapScope.PrivateChats, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Gaps_FromPrivateChats_AreReadTogether_AndNeverInAGroup()
    {
        var gaps = new SqlQuestionGapStore(await MigratedAsync());
        var telegramPrivate = GapScope.Of(new ChatAddress("telegram", "501"), ChatKind.Direct);
        var discordPrivate = GapScope.Of(new ChatAddress("discord", "601"), ChatKind.Direct);

        await gaps.RecordAsync("my hiv status", telegramPrivate, Created, CancellationToken.None);
        await gaps.RecordAsync("my hiv status", GapScope.Of(new ChatAddress("telegram", "502"), ChatKind.Direct), Created.AddMinutes(1), CancellationToken.None);
        await gaps.RecordAsync("my diagnosis", discordPrivate, Created.AddMinutes(2), CancellationToken.None);

        Assert.Equal(
            [
                new QuestionGap("my hiv status", "telegram", 2, Created, Created.AddMinutes(1)),
                new QuestionGap("my diagnosis", "discord", 1, Created.AddMinutes(2), Created.AddMinutes(2)),
            ],
            await gaps.TopAsync(GapScope.PrivateChats, 10, CancellationToken.None));
        Assert.Empty(await gaps.TopAsync(GapScope.Group(new ChatAddress("telegram", "501")), 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task AddRoutine_ConcurrentlyFromManyChats_KeepsThePerMemberLimit()
    {
        var reminders = new SqlReminderStore(await MigratedAsync());
        var member = new ChatUser("telegram", "31", "Ada");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => reminders.AddRoutineAsync(
            new ReminderSubscription(0, member, new ChatAddress("telegram", $"-100{i}"), new TimeOnly(i, 30), "UTC", ReminderState.Active, Created),
            5,
            CancellationToken.None))));

        Assert.Equal(5, results.Count(r => r.Outcome == ReminderAddOutcome.Added));
        Assert.Equal(3, results.Count(r => r.Outcome == ReminderAddOutcome.LimitReached));
        Assert.Equal(5, (await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None)).Count);

        var stored = results.First(r => r.Outcome == ReminderAddOutcome.Added).Subscription!;
        var again = await reminders.AddRoutineAsync(stored with { Id = 0, Chat = new ChatAddress("telegram", "-100999") }, 6, CancellationToken.None);
        Assert.Equal((ReminderAddOutcome.Duplicate, stored.Id), (again.Outcome, again.Subscription?.Id));
    }

    [SkippableFact]
    public async Task Feedback_IsCountedPerEntry_OneVotePerMember_TheLatestCounts()
    {
        var feedback = new SqlAnswerFeedbackStore(await MigratedAsync());
        var ada = new ChatUser("telegram", "1", "Ada");

        for (var i = 0; i < 40; i++)
        {
            await feedback.RecordAsync(new AnswerFeedback("reduce-swelling", true, ada, Created.AddSeconds(i)), CancellationToken.None);
        }

        await feedback.RecordAsync(new AnswerFeedback("reduce-swelling", false, new ChatUser("discord", "1", "Bob"), Created), CancellationToken.None);
        await feedback.RecordAsync(new AnswerFeedback("reduce-swelling", true, new ChatUser("console", "local", "me"), Created), CancellationToken.None);
        Assert.Equal((2, 1), await feedback.CountAsync("reduce-swelling", CancellationToken.None));

        await feedback.RecordAsync(new AnswerFeedback("reduce-swelling", false, ada, Created.AddMinutes(5)), CancellationToken.None);
        Assert.Equal((1, 2), await feedback.CountAsync("reduce-swelling", CancellationToken.None));
        Assert.Equal((0, 0), await feedback.CountAsync("techniques", CancellationToken.None));
    }

    [SkippableFact]
    public async Task MoveChat_TakesRemindersTipsAndSettingsToTheNewId_AndResumesRemindersPausedByTheOldOne()
    {
        var database = await MigratedAsync();
        var reminders = new SqlReminderStore(database);
        var tips = new SqlTipStore(database);
        var gaps = new SqlQuestionGapStore(database);
        var reachability = new SqlChatReachability(database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Created));
        var group = new ChatAddress("telegram", "-123");
        var supergroup = new ChatAddress("telegram", "-100123");
        var member = new ChatUser("telegram", "5", "Ada");
        var paused = await reminders.AddAsync(new ReminderSubscription(0, member, group, new TimeOnly(8, 0), "UTC", ReminderState.Active, Created), CancellationToken.None);
        await reminders.UpdateStateAsync(paused.Id, ReminderState.Paused, null, "chat unreachable: Bad Request: group chat was upgraded to a supergroup chat", CancellationToken.None);
        var byMember = await reminders.AddAsync(new ReminderSubscription(0, member, group, new TimeOnly(9, 0), "UTC", ReminderState.Active, Created), CancellationToken.None);
        await reminders.UpdateStateAsync(byMember.Id, ReminderState.Paused, null, "paused by you", CancellationToken.None);
        await tips.AddAsync(new Tip(0, "Drink water", TipStatus.Approved, group, Created), "drink water", CancellationToken.None);
        await tips.AddAsync(new Tip(0, "Rest well", TipStatus.Approved, group, Created), "rest well", CancellationToken.None);
        await tips.AddAsync(new Tip(0, "Rest well", TipStatus.Approved, supergroup, Created), "rest well", CancellationToken.None);
        await gaps.RecordAsync("how much is it", GapScope.Group(group), Created, CancellationToken.None);
        await gaps.RecordAsync("how much is it", GapScope.Group(supergroup), Created, CancellationToken.None);
        await reachability.ReportUnreachableAsync(group, "Bad Request: group chat was upgraded to a supergroup chat", CancellationToken.None);

        var moved = await new SqlChatMigrationStore(database).MoveAsync(group, supergroup, CancellationToken.None);
        var again = await new SqlChatMigrationStore(database).MoveAsync(group, supergroup, CancellationToken.None);

        Assert.Equal((2, 0), (moved, again));
        Assert.Equal(
            [(ReminderState.Active, "-100123"), (ReminderState.Paused, "-100123")],
            (await reminders.ListForMemberAsync("telegram", "5", CancellationToken.None)).Select(r => (r.State, r.Chat.ChatId)));
        Assert.Equal(["Drink water", "Rest well"], (await tips.ListAsync(supergroup, TipStatus.Approved, CancellationToken.None)).Select(t => t.Text).Order(StringComparer.Ordinal));
        Assert.Empty(await tips.ListAsync(group, TipStatus.Approved, CancellationToken.None));
        Assert.Equal(2, Assert.Single(await gaps.TopAsync(GapScope.Group(supergroup), 10, CancellationToken.None)).Count);
        Assert.Empty(await gaps.TopAsync(GapScope.Group(group), 10, CancellationToken.None));
        Assert.Null(await reachability.FindUnreachableReasonAsync(supergroup, CancellationToken.None));
    }

    protected static Database DatabaseFor(StorageProvider provider, string connectionString) =>
        new(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));

    private async Task<Database> MigratedAsync()
    {
        var database = await CreateDatabaseAsync();
        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }
}
