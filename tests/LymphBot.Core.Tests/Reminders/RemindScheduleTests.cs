using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>/remind with a schedule in words, on Monday 23 November 2026 at 08:00 UTC (the test chat's clock).</summary>
public sealed class RemindScheduleTests
{
    [Fact]
    public async Task Remind_ChosenWeekdays_SavesOneReminderInItsSlot_AndShowsTheNextThree()
    {
        using var chat = ReminderBot.Create();

        var preview = await chat.Send("/remind mon wed fri 19:00 Europe/Berlin").ExpectReply(r => r ==
            "Every Monday, Wednesday and Friday at 19:00 (Europe/Berlin)\nNext:\n" +
            "• Mon 23 Nov 19:00 Europe/Berlin\n• Wed 25 Nov 19:00 Europe/Berlin\n• Fri 27 Nov 19:00 Europe/Berlin\nSave this reminder?");
        await chat.Press(preview.SaveButton().Data).ExpectReply(r => r ==
            "Saved! Reminder #1: every Monday, Wednesday and Friday at 19:00 (Europe/Berlin).\nSend /reminders to see or change your reminders.");

        var reminder = Assert.Single(chat.Reminders());
        Assert.Equal(new ReminderSchedule([new TimeOnly(19, 0)], ScheduleDays.Monday | ScheduleDays.Wednesday | ScheduleDays.Friday), reminder.Schedule);
        Assert.Equal([("Europe/Berlin", new TimeOnly(19, 0))], chat.Get<RecordingSlotScheduler>().Slots);
        await chat.Send("/reminders").ExpectReplyContaining(
            "#1  19:00 Europe/Berlin (every Monday, Wednesday and Friday at 19:00) — active, next Mon 23 Nov 19:00 Europe/Berlin");
    }

    [Fact]
    public async Task Reminders_NextOccurrence_IsAReaderTime_AtTheInstantOfTheRoutinesNextTime()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 and 20:00 Asia/Tokyo");

        // Monday 23 Nov 08:00 UTC is 17:00 in Tokyo: the next is 20:00 there, 11:00 UTC.
        var list = await chat.Send("/reminders").ExpectReplyContaining("— active, next Mon 23 Nov 20:00 Asia/Tokyo");

        var next = Assert.Single(LymphBot.Core.Chat.ReplyMarkup.Parse(list.Text), s => s.Style == LymphBot.Core.Chat.MarkupStyle.Time);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), next.Time!.Value.UnixSeconds);
    }

    [Fact]
    public async Task Remind_TwoTimesADay_IsOneRoutine_WithASubscriptionInEachSlot()
    {
        using var chat = ReminderBot.Create();

        var preview = await chat.Send("/remind 8:00 and 20:00 UTC").ExpectReplyContaining("Every day at 08:00 and 20:00 (UTC)\nNext:\n• Mon 23 Nov 20:00 UTC\n• Tue 24 Nov 08:00 UTC");
        await chat.Press(preview.SaveButton().Data).ExpectReplyContaining("Saved! Reminder #1: every day at 08:00 and 20:00 (UTC).");

        Assert.Equal([new TimeOnly(8, 0), new TimeOnly(20, 0)], chat.Reminders().Select(r => r.LocalTime));
        Assert.Equal([("UTC", new TimeOnly(8, 0)), ("UTC", new TimeOnly(20, 0))], chat.Get<RecordingSlotScheduler>().Slots);
    }

    [Fact]
    public async Task Remind_EveryTwoDaysForAFortnight_AndAOneOff_UseTheSavedZone()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/timezone Asia/Tokyo");

        await chat.Send("/remind every 2 days at 9:00 for 14 days").ExpectReplyContaining(
            "Every 2 days at 09:00, starting Tue 24 Nov 2026, until Mon 7 Dec 2026 (Asia/Tokyo)\nNext:\n• Tue 24 Nov 09:00 Asia/Tokyo\n• Thu 26 Nov 09:00 Asia/Tokyo\n• Sat 28 Nov 09:00 Asia/Tokyo");
        await chat.Send("/remind tomorrow 9am").ExpectReplyContaining("Once, on Tue 24 Nov 2026 at 09:00 (Asia/Tokyo)\nWhen:\n• Tue 24 Nov 09:00 Asia/Tokyo");

        Assert.Equal(2, chat.Reminders().Count);
        Assert.All(chat.Reminders(), r => Assert.Equal(ReminderState.Draft, r.State));
    }

    [Theory]
    [InlineData("/remind 3 times a day 8:00 14:00 UTC", "/remind add: 3 times a day needs 3 different times, and I read 2 (08:00, 14:00). For example: /remind 3 times a day 8:00 14:00 20:00")]
    [InlineData("/remind every 0 days at 9:00 UTC", "/remind add: Every 0 days: the number of days runs from 1 to 365. For example: /remind every 2 days at 9:00")]
    [InlineData("/remind on 2026-11-01 10:00 UTC", "2026-11-01 at 10:00 has already passed. For example: /remind tomorrow 9am")]
    [InlineData("/remind 8:00 until 2026-11-01 UTC", "Until 2026-11-01 has already passed. For example: /remind 8:00 until 2027-01-31")]
    [InlineData("/remind 25:00 UTC", "/remind add: \"25:00\" is not <time>, which takes a time such as 8:00")]
    public async Task Remind_BadSchedule_OneLine_NothingSaved(string text, string expected)
    {
        using var chat = ReminderBot.Create();

        var reply = await chat.Send(text).ExpectReplyContaining(expected);

        Assert.DoesNotContain('\n', reply.Text);
        Assert.Empty(chat.Reminders());
        Assert.Empty(chat.Get<RecordingSlotScheduler>().Slots);
    }

    [Fact]
    public async Task Remind_PlainTime_IsTheDailyReminderAsBefore()
    {
        using var chat = ReminderBot.Create();

        await chat.Remind("/remind 8:00 Europe/Berlin").ExpectReplyContaining("Saved! Reminder #1: every day at 08:00 (Europe/Berlin).");

        Assert.True(Assert.Single(chat.Reminders()).Schedule.IsPlainDaily);
    }

    [Fact]
    public async Task Remind_MoreTimesThanTheLimitLeaves_IsRefused_WholeOrNothing()
    {
        using var chat = ReminderBot.Create();
        foreach (var hour in new[] { "6:00", "7:00", "9:00", "10:00" })
        {
            await chat.Remind($"/remind {hour} UTC");
        }

        await chat.Remind("/remind 12:00 and 18:00 UTC").ExpectReplyContaining("That is 2 reminder(s), one per time of day, and you have 4 of the 5");

        Assert.Equal(4, chat.Reminders().Count);
    }

    [Fact]
    public async Task Remind_SameScheduleTwice_SaysNothingChanged()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind weekdays 7:30 UTC");

        await chat.Remind("/remind weekdays 7:30 UTC").ExpectReply(r => r == "You already have reminder #1 on this schedule. Nothing changed.");
        await chat.Remind("/remind weekends 7:30 UTC").ExpectReplyContaining("Saved! Reminder #2: on weekends at 07:30 (UTC)");

        Assert.Equal(2, chat.Reminders().Count);
    }
}
