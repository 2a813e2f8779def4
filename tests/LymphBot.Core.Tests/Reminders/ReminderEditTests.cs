using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>
/// <c>/remind edit</c> changes a reminder in place: previewed like <c>/remind</c>, saved in one step under the same id
/// (the old rows finished, kept as history), cancelled or refused without a change. Clock: Monday 23 November 2026, 08:00 UTC.
/// </summary>
public sealed class ReminderEditTests
{
    [Fact]
    public async Task Edit_PreviewsNowAndNew_WithTheClockChangeDay_AndSaveKeepsTheIdLabelAndHistory()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 UTC evening drainage").ExpectReplyContaining("Saved! Reminder #1");

        var preview = await chat.Send("/remind edit 1 every 2 days at 2:30 starting 2027-03-26 Europe/Berlin").ExpectReply(r => r ==
            "Change reminder #1?\nNow: every day at 08:00 (UTC) — “evening drainage”\n" +
            "New: Every 2 days at 02:30, starting Fri 26 Mar 2027 (Europe/Berlin) — “evening drainage”\nNext:\n" +
            "• Fri 26 Mar 02:30 Europe/Berlin\n• Sun 28 Mar 03:00 Europe/Berlin (daylight-saving change that day: 02:30 does not exist, so at 03:00)\n" +
            "• Tue 30 Mar 02:30 Europe/Berlin\n" +
            "Save this change?");

        Assert.Equal(["rmd:save:2:1", "rmd:cancel:2"], preview.Buttons.SelectMany(r => r).Select(b => b.Data));
        await chat.Send("/reminders").ExpectReplyContaining("#1  08:00 UTC — “evening drainage”");
        await chat.Press(preview.SaveButton().Data).ExpectReply(r => r ==
            "Changed! Reminder #1: every 2 days at 02:30, starting Fri 26 Mar 2027 (Europe/Berlin) — “evening drainage”.\nSend /reminders to see or change your reminders.");

        Assert.Equal(
            [(1L, ReminderState.Finished, "UTC", DraftPlan.ReplacedReason), (1L, ReminderState.Active, "Europe/Berlin", (string?)null)],
            chat.Reminders().Select(r => (r.Routine, r.State, r.TimeZone, r.PauseReason)));
        Assert.Contains(("Europe/Berlin", new TimeOnly(2, 30)), chat.Get<RecordingSlotScheduler>().Slots);
        await chat.Send("/reminders").ExpectReplyContaining("#1  02:30 Europe/Berlin — “evening drainage”");
        await chat.Press(preview.SaveButton().Data).ExpectReply(r => r == "Reminder #1 is already saved. Nothing changed.");
        Assert.Equal(2, chat.Reminders().Count);
    }

    [Fact]
    public async Task Cancel_ChangesNothing()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 UTC");
        var before = chat.Reminders();

        var preview = await chat.Send("/remind edit 1 weekdays 7:30");
        await chat.Press(preview.Button("✖ Cancel").Data).ExpectReply(r => r == "Cancelled; nothing was saved.");
        await chat.Press(preview.SaveButton().Data).ExpectReplyContaining("That preview was cancelled or has expired, so nothing was saved.");

        Assert.Equal(before, chat.Reminders());
    }

    [Fact]
    public async Task Edit_LeavesOutTheZoneAndLabel_TheyStay_AndLabelAloneChangesOnlyTheLabel()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/timezone America/New_York");
        await chat.Remind("/remind 8:00 Europe/Berlin evening drainage");

        await chat.Remind("/remind edit 1 9:00").ExpectReply(r => r.StartsWith("Changed! Reminder #1: every day at 09:00 (Europe/Berlin) — “evening drainage”.", StringComparison.Ordinal));
        await chat.Remind("/remind edit 1 label morning <walk>").ExpectReply(r => r.StartsWith("Changed! Reminder #1: every day at 09:00 (Europe/Berlin) — “morning <walk>”.", StringComparison.Ordinal));
        await chat.Remind("/remind edit 1 label off").ExpectReply(r => r.StartsWith("Changed! Reminder #1: every day at 09:00 (Europe/Berlin).", StringComparison.Ordinal));
        await chat.Send("/remind edit 1 label").ExpectReply(r => r == "Which label? For example /remind edit 1 label evening drainage, or /remind edit 1 label off to remove it.");

        var live = Assert.Single(chat.Reminders(), r => r.State == ReminderState.Active);
        Assert.Equal((1L, new TimeOnly(9, 0), "Europe/Berlin", (string?)null), (live.Routine, live.LocalTime, live.TimeZone, live.Label));
    }

    [Fact]
    public async Task Edit_ToWhatItIsAlready_ChangesNothing()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 and 20:00 UTC walk");

        await chat.Send("/remind edit 1 20:00 and 8:00").ExpectReply(r => r == "Reminder #1 is already every day at 08:00 and 20:00 (UTC) — “walk”. Nothing changed.");

        Assert.All(chat.Reminders(), r => Assert.Equal(ReminderState.Active, r.State));
    }

    [Theory]
    [InlineData("/remind edit 7 9:00", "You have no reminder #7. Send /reminders to see yours and their ids, then for example /remind edit 3 weekdays 7:30.")]
    [InlineData("/remind edit 1 25:00", "\"25:00\" is not <time|label>, which takes a time such as 8:00")]
    [InlineData("/remind edit 1 evening drainage", "/remind edit 3 weekdays 7:30")]
    [InlineData("/remind edit 1 on 2026-11-01 9:00", "has already passed")]
    [InlineData("/remind edit 1 9:00 Europe/Berlinn", "\"Europe/Berlinn\" is not [zone], which takes a time zone such as Europe/Berlin")]
    [InlineData("/remind edit 1", "/remind edit needs <time|label>")]
    public async Task Edit_BadInput_GetsOneLineWithAnExample_AndChangesNothing(string command, string expected)
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 UTC");
        var before = chat.Reminders();

        await chat.Send(command).ExpectReply(r => r.Contains(expected, StringComparison.Ordinal) && !r.Contains('\n', StringComparison.Ordinal));

        Assert.Equal(before, chat.Reminders());
    }

    [Fact]
    public async Task Edit_OfAnotherMembersReminder_IsRefused_AndTheirSaveButtonDoesNothing()
    {
        using var chat = ReminderBot.Create(ChatKind.Group);
        await chat.Remind("/remind 8:00 UTC");
        var preview = await chat.Send("/remind edit 1 9:00");

        await chat.Other().Send("/remind edit 1 10:00").ExpectReplyContaining("You have no reminder #1.");
        await chat.Other().Press(preview.SaveButton().Data).ExpectReply(r => r == "Those buttons are for the member who sent /remind, so nothing changed.");

        Assert.Equal([ReminderState.Active, ReminderState.Draft], chat.Reminders().Select(r => r.State));
    }

    [Fact]
    public async Task Edit_OfARoutineOfSeveralTimes_ReplacesEveryTime_UnderTheSameId()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 and 20:00 UTC walk");
        await chat.Remind("/remind 12:00 UTC");

        await chat.Remind("/remind edit 1 3 times a day 7:00 13:00 19:00").ExpectReply(r => r.StartsWith("Changed! Reminder #1: every day at 07:00, 13:00 and 19:00 (UTC) — “walk”.", StringComparison.Ordinal));
        await chat.Send("/reminders").ExpectReplyContaining("#1  07:00, 13:00 and 19:00 UTC — “walk”");
        await chat.Remind("/remind edit 1 mon wed fri 9:00").ExpectReplyContaining("Changed! Reminder #1: every Monday, Wednesday and Friday at 09:00 (UTC)");
        await chat.Send("/remind edit 1 12:00").ExpectReply(r => r == "You already have reminder #3 at 12:00 UTC. Nothing changed.");
        await chat.Send("/remind pause 1").ExpectReplyContaining("Paused reminder #1.");

        var live = chat.Reminders().Where(r => r.State != ReminderState.Finished).ToList();
        Assert.Equal([(3L, ReminderState.Active), (1L, ReminderState.Paused)], live.Select(r => (r.Routine, r.State)));
        Assert.Equal(5, chat.Reminders().Count(r => r.State == ReminderState.Finished && r.Routine == 1));
    }

    [Fact]
    public async Task Edit_OfAPausedRoutine_KeepsItPaused_UntilResumed()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 UTC");
        await chat.Send("/remind pause 1 3");

        await chat.Send("/remind edit 1 9:00").ExpectReplyContaining("It stays paused; /remind resume 1 turns it on.");
        await chat.Remind("/remind edit 1 9:00").ExpectReplyContaining("It is still paused; /remind resume 1 turns it on.");

        var live = Assert.Single(chat.Reminders(), r => r.State == ReminderState.Paused);
        Assert.Equal((new TimeOnly(9, 0), chat.Time.GetUtcNow().AddDays(3), "paused by you for 3 day(s)"), (live.LocalTime, live.PausedUntil, live.PauseReason));
        await chat.Send("/remind resume 1").ExpectReply(r => r == "Reminder #1 is on again: every day at 09:00 UTC.");
    }

    [Fact]
    public async Task Save_AfterTheRoutineWasRemoved_ChangesNothing_AndAFollowUpGoesOnWithTheNewTimes()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 UTC");
        var stale = await chat.Send("/remind edit 1 9:00");
        await chat.Send("/remind off 1");

        await chat.Press(stale.SaveButton().Data).ExpectReply(r => r == "Reminder #1 was removed or has ended meanwhile, so nothing was changed. Send /reminders to see yours.");
        Assert.Empty(chat.Reminders());

        await chat.Remind("/remind 8:00 UTC").ExpectReplyContaining("Reminder #3");
        await chat.Send("/remind nag 3 20m x3");
        await chat.Remind("/remind edit 3 9:00 and 21:00").ExpectReplyContaining("Changed! Reminder #3");
        var followUps = chat.Get<IFollowUpStore>();
        var carried = await Task.WhenAll(chat.Reminders().Where(r => r.State == ReminderState.Active).Select(r => followUps.FindAsync(r.Id, CancellationToken.None)));
        Assert.Equal(2, carried.Length);
        Assert.All(carried, f => Assert.Equal(new FollowUp(TimeSpan.FromMinutes(20), 3), f));
    }
}
