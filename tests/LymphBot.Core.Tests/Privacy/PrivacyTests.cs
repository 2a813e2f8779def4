using LymphBot.Core.Adherence;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Privacy;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Core.Tests.Tips;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Moderation;
using LymphBot.Testing.Privacy;
using LymphBot.Testing.Scheduling;
using LymphBot.Testing.Tips;

namespace LymphBot.Core.Tests.Privacy;

/// <summary>/mydata shows what names a member; /forgetme, once confirmed, leaves nothing that names them.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task MyData_NewMember_SaysNothingIsStored_Privately()
    {
        using var chat = CommunityBot.Create(moderator: false);

        var reply = await chat.Send("/mydata").ExpectReply(r =>
            r.Contains("Your id: test:42", StringComparison.Ordinal)
            && r.Contains("First seen: never (nothing stored)", StringComparison.Ordinal)
            && r.Contains("Reminders: none", StringComparison.Ordinal)
            && r.Contains("Tip suggestions linked to you: 0", StringComparison.Ordinal));

        Assert.True(reply.Private);
    }

    [Fact]
    public async Task MyData_ShowsSettingsRemindersSuggestionsActionsAndRatings()
    {
        using var chat = await MemberWithDataAsync();

        await chat.Send("/mydata").ExpectReply(r =>
            r.Contains("First seen: 2026-11-23", StringComparison.Ordinal)
            && r.Contains("Time zone: Europe/Berlin", StringComparison.Ordinal)
            && r.Contains("Reminders: #1 08:00 Europe/Berlin", StringComparison.Ordinal)
            && r.Contains("Tip suggestions linked to you: 1", StringComparison.Ordinal)
            && r.Contains("Moderator actions recorded under your name: 1", StringComparison.Ordinal)
            && r.Contains("Answers you rated 👍/👎: 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgetMe_AsksForConfirmation_AndDeletesNothingUntilPressed()
    {
        using var chat = await MemberWithDataAsync();

        var reply = await chat.Send("/forgetme").ExpectReplyContaining("It cannot be undone.");

        Assert.True(reply.Private);
        Assert.Equal(ForgetMeCommand.ConfirmData, Assert.Single(Assert.Single(reply.Buttons)).Data);
        Assert.NotNull(await chat.Users.FindAsync(chat.Member, CancellationToken.None));
        Assert.Single(await chat.Get<IReminderStore>().ListForMemberAsync("test", "42", CancellationToken.None));
    }

    [Fact]
    public async Task ForgetMe_Confirmed_DeletesSettingsRemindersAndDeliveries_AndUnnamesSuggestionsActionsAndRatings()
    {
        using var chat = await MemberWithDataAsync();

        await chat.Press(ForgetMeCommand.ConfirmData).ExpectReplyContaining("Done: I've deleted everything I stored about you.");

        Assert.Null(await chat.Users.FindAsync(chat.Member, CancellationToken.None));
        Assert.Empty(chat.Get<InMemoryReminderStore>().All);
        Assert.Empty(chat.Get<InMemoryDeliveryStore>().All);
        Assert.All(chat.Get<InMemoryTipStore>().All, t => Assert.Equal((null, null), (t.SuggestedBy, t.SuggestedIn)));
        Assert.Equal(2, chat.Get<InMemoryTipStore>().All.Count);
        Assert.Null(Assert.Single(chat.Get<InMemoryAuditLog>().Entries).Actor);
        Assert.Equal((1, 0), await chat.Get<IAnswerFeedbackStore>().CountAsync("widget", CancellationToken.None));
        var left = await Describe(chat);
        Assert.Equal((false, 0, 0, 0, 0), (left.Known, left.Reminders.Count, left.Suggestions, left.ModeratorActions, left.AnswerRatings));
    }

    [Fact]
    public async Task ForgetMe_ByTheModeratorWhoSetTheTipOfTheDay_KeepsTheChatsTipOfTheDay_WithoutTheirId()
    {
        using var chat = CommunityBot.Create(moderator: true);
        await chat.Remind("/remind 8:00 Europe/Berlin");
        await chat.Send("/tips daily 9:00 Europe/Berlin");

        await chat.Press(ForgetMeCommand.ConfirmData).ExpectReplyContaining("Done");

        await chat.Send("/tips").ExpectReplyContaining("Tip of the day: every day at 09:00 Europe/Berlin");
        var kept = Assert.Single(chat.Get<InMemoryReminderStore>().All);
        Assert.Equal((ReminderKind.TipOfTheDay, InMemoryPersonalDataStore.CommunityOwner), (kept.Kind, kept.Member.UserId));
    }

    [Fact]
    public async Task ForgetMe_ForgetsOnlyWhoPressed()
    {
        using var chat = await MemberWithDataAsync();
        var bob = chat.OtherMember();
        await bob.Remind("/remind 7:00 UTC");
        await bob.Send("/tip suggest Bob's tip.");

        await chat.Press(ForgetMeCommand.ConfirmData);

        var kept = await Describe(bob);
        Assert.Equal((true, "#2 07:00 UTC", 1), (kept.Known, Assert.Single(kept.Reminders), kept.Suggestions));
        Assert.Equal("43", Assert.Single(chat.Get<InMemoryTipStore>().All, t => t.SuggestedBy is not null).SuggestedBy!.UserId);
    }

    [Fact]
    public async Task PrivacyButton_UnknownPayload_ChangesNothing()
    {
        using var chat = await MemberWithDataAsync();

        await chat.Press("privacy:everything").ExpectReplyContaining("That button no longer works.");

        Assert.True((await Describe(chat)).Known);
        Assert.Single(chat.Get<InMemoryReminderStore>().All, r => r.Member.UserId == "42" && r.Kind == ReminderKind.Routine);
    }

    [Fact]
    public async Task MyData_ShowsRoutineHistoryRestDaysAndWeeklyRecap_AndForgetMeDeletesThem()
    {
        using var chat = await MemberWithDataAsync();
        var routine = Assert.Single(chat.Reminders()).Id;
        var outcomes = chat.Get<IOutcomeStore>();
        await outcomes.RecordAsync(routine, chat.Member, new DateOnly(2026, 11, 23), OccurrenceOutcome.Done, chat.Time.GetUtcNow(), CancellationToken.None);
        await outcomes.RecordAsync(routine, chat.Member, new DateOnly(2026, 11, 24), OccurrenceOutcome.Missed, chat.Time.GetUtcNow(), CancellationToken.None);
        await chat.Send("/remind rest 1 2026-12-24").ExpectReplyContaining("Rest day planned");
        await chat.Send("/progress weekly on sun 18:00").ExpectReplyContaining("Weekly recap on");

        await chat.Send("/mydata").ExpectReply(r =>
            r.Contains("Weekly recap: every Sunday at 18:00 (Europe/Berlin)", StringComparison.Ordinal)
            && r.Contains("Routine history:\n• reminder #1: 1 done, 1 missed, 1 rest (2026-11-23 to 2026-12-24); rest days 2026-12-24", StringComparison.Ordinal));

        await chat.Press(ForgetMeCommand.ConfirmData).ExpectReplyContaining("Done");

        Assert.Empty(await outcomes.ListForMemberAsync(chat.Member, DateOnly.MinValue, CancellationToken.None));
        Assert.DoesNotContain(chat.Reminders(), r => r.Kind == ReminderKind.WeeklyRecap);
        await chat.Send("/mydata").ExpectReply(r => r.Contains("Weekly recap: off", StringComparison.Ordinal) && r.Contains("Routine history: none", StringComparison.Ordinal));
    }

    /// <summary>
    /// A moderator with a time zone, a routine reminder (with a delivery), a suggested tip, an audited action and a
    /// rating: a row of every kind that can name a member.
    /// </summary>
    private static async Task<TestChat> MemberWithDataAsync()
    {
        var chat = CommunityBot.Create(moderator: true);
        await chat.Send("/timezone Europe/Berlin").ExpectReplyContaining("Europe/Berlin");
        await chat.Remind("/remind 8:00").ExpectReplyContaining("08:00");
        await chat.Send("/tip suggest A tip from me.").ExpectReplyContaining("#1 is waiting");
        await chat.Send("/tip add A moderator tip.").ExpectReplyContaining("Added tip #2.");
        var routine = Assert.Single(await chat.Get<IReminderStore>().ListForMemberAsync("test", "42", CancellationToken.None));
        await chat.Get<IOccurrenceStore>().EnqueueManyAsync(
            [new Delivery(0, routine.Id, chat.Address, new DateOnly(2026, 11, 24), DeliveryKind.Daily, chat.Time.GetUtcNow().AddDays(1), DeliveryState.Pending, 0, "Time for your routine")],
            CancellationToken.None);
        await chat.Get<IAnswerFeedbackStore>().RecordAsync(new AnswerFeedback("widget", true, chat.Member, chat.Time.GetUtcNow()), CancellationToken.None);
        return chat;
    }

    private static Task<PersonalData> Describe(TestChat chat) => chat.Get<IPersonalDataStore>().DescribeAsync(chat.Member, CancellationToken.None);
}
