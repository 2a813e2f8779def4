using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Adherence;

/// <summary>
/// /progress, /remind rest (and its off) and paused days, as a member lives them: each day the slot's fan-out runs on the fake clock
/// (starting Monday 23 November 2026 at 08:00 UTC) and the member presses the delivered reminder's buttons, or does not.
/// </summary>
public sealed class ProgressTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public async Task Progress_MarksEachOfFourWeeks_AndCountsTheStreakBackToTheLastMiss()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 UTC evening *drainage*");
        await DayAsync(chat, 23, "Done");
        await DayAsync(chat, 24, "Skip");
        await DayAsync(chat, 25, "Done");
        await DayAsync(chat, 26);
        await DayAsync(chat, 27, "Done");
        await chat.Send("/remind rest 1 tomorrow").ExpectReplyContaining("Rest day planned: #1 takes Sat 28 Nov off.");
        Assert.Equal(0, await FanOutAsync(chat, 28));
        await DayAsync(chat, 29, "Snooze 15 min", "Done");
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

        var reply = await chat.Send("/progress").ExpectReply(r =>
            r.Contains("#1 evening *drainage* — every day at 09:00 (UTC)", StringComparison.Ordinal)
            && r.Contains("Tue 3 Nov  ➖➖➖➖➖➖➖\nTue 10 Nov  ➖➖➖➖➖➖➖\nTue 17 Nov  ➖➖➖➖➖➖✅\nTue 24 Nov  ⏩✅❌✅💤⏰⏳\nstreak: 2 days", StringComparison.Ordinal)
            && r.Contains(ProgressText.Legend, StringComparison.Ordinal)
            && r.Contains("/progress weekly on sun 18:00", StringComparison.Ordinal));

        Assert.True(reply.Private);
        Assert.Contains(@"evening \*drainage\*", reply.Text, StringComparison.Ordinal);
        Assert.Equal(OccurrenceOutcome.Missed, await chat.Get<IOutcomeStore>().FindAsync(1, new DateOnly(2026, 11, 26), CancellationToken.None));
    }

    [Fact]
    public async Task Streak_HoldsOverWeekendsOfAWeekdaysRoutine_AndOverPausedDays_WhichAreStoredPaused()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind weekdays 9:00 UTC");
        for (var day = 23; day <= 29; day++)
        {
            await DayAsync(chat, day, day <= 27 ? "Done" : null);
        }

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        await chat.Send("/remind pause 1").ExpectReplyContaining("Paused reminder #1");
        Assert.Equal(0, await FanOutAsync(chat, 30));
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await chat.Send("/remind resume 1").ExpectReplyContaining("is on again");
        await DayAsync(chat, 31, "Done");

        await chat.Send("/progress").ExpectReply(r => r.Contains("Wed 18 Nov  ➖➖➖➖➖✅✅\nWed 25 Nov  ✅✅✅➖➖⏸️✅\nstreak: 6 days", StringComparison.Ordinal));
        Assert.Equal(
            [OccurrenceOutcome.Paused, OccurrenceOutcome.Done],
            (await chat.Get<IOutcomeStore>().ListAsync(1, new DateOnly(2026, 11, 30), CancellationToken.None)).Select(o => o.Outcome));
    }

    [Fact]
    public async Task Progress_OfSeveralTimesADay_IsTheDaysWorstTime_AndTodayStaysOpenUntilAllAreDone()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 and 10:00 UTC");
        await DayAsync(chat, 23, "Done");
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(10, 0), CancellationToken.None);

        await chat.Send("/progress").ExpectReply(r => r.Contains("➖➖➖➖➖➖⏳\nno streak yet", StringComparison.Ordinal)
            && r.Contains("#1 — every day at 09:00 and 10:00 (UTC)", StringComparison.Ordinal));
        await PressAsync(chat, 2, new DateOnly(2026, 11, 23), "Done");
        await chat.Send("/progress").ExpectReplyContaining("➖➖➖➖➖➖✅\nstreak: 1 day");
    }

    [Theory]
    [InlineData("/remind rest 1 2026-11-22", "Sun 22 Nov has passed; a rest day is today or later")]
    [InlineData("/remind rest 1 someday", "\"someday\" is not <date>, which takes today, tomorrow or a date such as 2026-12-24. For example: /remind rest 3 tomorrow")]
    [InlineData("/remind rest 1 2026-02-30", "\"2026-02-30\" is not <date>")]
    [InlineData("/remind rest 1 tomorrow please", "\"please\" is not [off]")]
    [InlineData("/remind rest 1 2026-11-28", "Reminder #1 has no reminder on Sat 28 Nov, so there is nothing to rest.")]
    [InlineData("/remind rest 9 tomorrow", "You have no reminder #9.")]
    [InlineData("/remind rest 1 2028-01-01", "more than a year ahead")]
    [InlineData("/remind rest 1", "/remind rest needs <date>")]
    public async Task Rest_PastDatesAndBadInput_GetOneLine_AndChangeNothing(string command, string expected)
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind weekdays 9:00 UTC");

        await chat.Send(command).ExpectReplyContaining(expected);

        Assert.Empty(await chat.Get<IOutcomeStore>().ListForMemberAsync(chat.Member, DateOnly.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Rest_TodayAfterTheReminderWentOut_EndsItsFollowUps_AndADayAlreadyDoneStaysDone()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 UTC");
        await chat.Send("/remind nag 1 20m x3").ExpectReplyContaining("will follow up");
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(4, await FanOutAsync(chat, 23));

        await chat.Send("/remind rest 1 today").ExpectReplyContaining("Rest day planned: #1 takes Mon 23 Nov off.");

        Assert.All(chat.Get<InMemoryDeliveryStore>().All, d => Assert.Equal(DeliveryState.Skipped, d.State));
        await chat.Send("/progress").ExpectReplyContaining("➖➖➖➖➖➖💤\nno streak yet");

        await DayAsync(chat, 24, "Done");
        await chat.Send("/remind rest 1 today").ExpectReplyContaining("You've already ticked off #1 on Tue 24 Nov");
        Assert.Equal(OccurrenceOutcome.Done, await chat.Get<IOutcomeStore>().FindAsync(1, new DateOnly(2026, 11, 24), CancellationToken.None));
    }

    [Fact]
    public async Task RestOff_ADayAhead_IsCancelled_AndThatDayFiresAsUsual()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind weekdays 9:00 UTC");
        await chat.Send("/remind rest 1 tomorrow").ExpectReplyContaining("Rest day planned: #1 takes Tue 24 Nov off. Nothing is sent that day, and your streak holds. See it in /progress; /remind rest 1 2026-11-24 off cancels it.");

        await chat.Send("/remind rest 1 2026-11-24 off").ExpectReplyContaining("Rest day cancelled: #1 reminds you on Tue 24 Nov at 09:00 as usual.");

        Assert.Empty(chat.Get<InMemoryOutcomeStore>().All);
        Assert.Equal(1, await FanOutAsync(chat, 24));
        await PressAsync(chat, 1, Date(24), "Done");
        await chat.Send("/progress").ExpectReplyContaining("❌✅\nstreak: 1 day");
    }

    [Fact]
    public async Task RestOff_Today_WhileItsTimeIsAhead_FiresAsUsual_ButAMinuteBeforeOrLaterItStaysARestDay()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 UTC");
        await chat.Remind("/remind 10:00 UTC");
        await chat.Send("/remind rest 1 today").ExpectReplyContaining("Rest day planned: #1 takes Mon 23 Nov off.");
        await chat.Send("/remind rest 2 today").ExpectReplyContaining("Rest day planned: #2 takes Mon 23 Nov off.");

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 58, 59, TimeSpan.Zero));
        await chat.Send("/remind rest 1 today off").ExpectReplyContaining("Rest day cancelled: #1 reminds you on Mon 23 Nov at 09:00 as usual.");
        Assert.Equal(1, await FanOutAsync(chat, 23));
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 59, 0, TimeSpan.Zero));
        await chat.Send("/remind rest 2 today off").ExpectReplyContaining(
            "Too late to cancel: #2 was due at 10:00 on Mon 23 Nov (a rest day can be cancelled until a minute before), so the day stays a rest day.");

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(10, 0), CancellationToken.None));
        Assert.Equal([(2L, OccurrenceOutcome.Rest)], chat.Get<InMemoryOutcomeStore>().All.Select(o => (o.SubscriptionId, o.Outcome)));
    }

    [Fact]
    public async Task RestOff_OfSeveralTimesADay_CancelsTheTimesStillAhead_AndThePassedOneStaysARest()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 and 20:00 UTC");
        await chat.Send("/remind rest 1 today").ExpectReplyContaining("Rest day planned: #1 takes Mon 23 Nov off.");
        Assert.Equal(0, await FanOutAsync(chat, 23));

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await chat.Send("/remind rest 1 today off").ExpectReplyContaining(
            "Rest day cancelled: #1 reminds you on Mon 23 Nov at 20:00 as usual. It was due at 09:00 already, so that time stays a rest.");

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(20, 0), CancellationToken.None));
        Assert.Equal([(1L, OccurrenceOutcome.Rest)], chat.Get<InMemoryOutcomeStore>().All.Select(o => (o.SubscriptionId, o.Outcome)));
    }

    [Theory]
    [InlineData("/remind rest 9 tomorrow off", "You have no reminder #9.")]
    [InlineData("/remind rest 1 2026-11-25 off", "Reminder #1 has no rest day on Wed 25 Nov, so there is nothing to cancel.")]
    [InlineData("/remind rest 1 today off", "Reminder #1 has no rest day on Mon 23 Nov, so there is nothing to cancel.")]
    [InlineData("/remind rest 1 someday off", "\"someday\" is not <date>")]
    [InlineData("/remind rest 1 tomorrow of", "\"of\" is not [off]")]
    [InlineData("/remind rest 1 tomorrow off now", "is more than that")]
    public async Task RestOff_WithNoRestDayThereOrBadInput_GetsOneLine_AndChangesNothing(string command, string expected)
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind weekdays 9:00 UTC");
        await chat.Send("/remind rest 1 tomorrow").ExpectReplyContaining("Rest day planned");
        var before = chat.Get<InMemoryOutcomeStore>().All;

        await chat.Send(command).ExpectReplyContaining(expected);

        Assert.Equal(before, chat.Get<InMemoryOutcomeStore>().All);
        Assert.Single(before);
    }

    [Fact]
    public async Task RestOff_OfADayGoneBy_OrAnotherMembersReminder_ChangesNothing()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 UTC");
        await chat.Send("/remind rest 1 tomorrow").ExpectReplyContaining("Rest day planned");

        await chat.Other().Send("/remind rest 1 2026-11-24 off").ExpectReplyContaining("You have no reminder #1.");
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await chat.Send("/remind rest 1 2026-11-24 off").ExpectReplyContaining("Too late to cancel: #1 was due at 09:00 on Tue 24 Nov");

        Assert.Equal(OccurrenceOutcome.Rest, await chat.Get<IOutcomeStore>().FindAsync(1, Date(24), CancellationToken.None));
    }

    [Fact]
    public async Task Progress_WithNoRoutines_SaysSo()
    {
        using var chat = ReminderBot.Create();

        await chat.Send("/progress").ExpectReplyContaining("You have no routines yet");
        await chat.Send("/progress everything").ExpectReplyContaining("/progress has no \"everything\"");
    }

    [Fact]
    public async Task Progress_AfterRemindEdit_KeepsTheDaysBeforeTheEdit_AndTheStreakGoesOn()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 UTC");
        await DayAsync(chat, 23, "Done");
        await DayAsync(chat, 24, "Done");
        await DayAsync(chat, 25, "Done");

        // Thursday at 08:00 the 09:00 reminder moves to 10:00: new rows under the same #1, the old one kept as history.
        chat.Time.SetUtcNow(Date(26).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc));
        var preview = await chat.Send("/remind edit 1 10:00").ExpectReplyContaining("Change reminder #1?");
        await chat.Press(preview.SaveButton().Data).ExpectReplyContaining("Changed! Reminder #1");
        var moved = chat.Get<InMemoryReminderStore>().All.Single(r => r.State == ReminderState.Active).Id;
        chat.Time.SetUtcNow(Date(26).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(10, 0), CancellationToken.None);
        await PressAsync(chat, moved, Date(26), "Done");
        chat.Time.SetUtcNow(Date(27).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc));

        // Mon to Wed from the old 09:00 row, Thursday from the new one; the old row has no days after the edit.
        await chat.Send("/progress").ExpectReply(r => r.Contains("#1 — every day at 10:00 (UTC)", StringComparison.Ordinal)
            && r.Contains("➖➖✅✅✅✅⏳\nstreak: 4 days", StringComparison.Ordinal));
    }

    /// <summary>Runs the 09:00 UTC slot on 2026-11-<paramref name="day"/> (31 is 1 December) and presses the day's buttons in turn; <c>null</c> presses none.</summary>
    private static async Task DayAsync(TestChat chat, int day, params string?[] presses)
    {
        await FanOutAsync(chat, day);
        foreach (var press in presses.OfType<string>())
        {
            await PressAsync(chat, 1, Date(day), press);
        }
    }

    private static async Task PressAsync(TestChat chat, long subscriptionId, DateOnly date, string label)
    {
        // The latest message of the day: the snoozed one once there is one.
        var delivery = chat.Get<InMemoryDeliveryStore>().All.Where(d => d.SubscriptionId == subscriptionId && d.LocalDate == date && d.Kind != DeliveryKind.FollowUp).MaxBy(d => d.Sequence)!;
        var data = label switch
        {
            "Done" => $"rem:done:{delivery.Id}",
            "Skip" => $"rem:skip:{delivery.Id}",
            _ => $"rem:snooze:{delivery.Id}:15",
        };
        await chat.Press(data);
        if (label.StartsWith("Snooze", StringComparison.Ordinal))
        {
            chat.Time.Advance(TimeSpan.FromMinutes(15));
        }
    }

    private static Task<int> FanOutAsync(TestChat chat, int day)
    {
        chat.Time.SetUtcNow(Date(day).ToDateTime(Nine, DateTimeKind.Utc));
        return chat.Get<ReminderFanOut>().RunAsync("UTC", Nine, CancellationToken.None);
    }

    private static DateOnly Date(int day) => new DateOnly(2026, 11, 1).AddDays(day - 1);
}
