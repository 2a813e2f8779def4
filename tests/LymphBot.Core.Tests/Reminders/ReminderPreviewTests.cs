using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>
/// A typed /remind is previewed with Save and Cancel, and nothing is a reminder until Save. The chat's clock starts on
/// Monday 23 November 2026 at 08:00 UTC.
/// </summary>
public sealed class ReminderPreviewTests
{
    [Fact]
    public async Task Remind_ShowsTheNextThree_WithTheClockChangeDayMarked_AndStoresNothingUntilSave()
    {
        using var chat = ReminderBot.Create();

        var preview = await chat.Send("/remind every 2 days at 2:30 starting 2027-03-26 Europe/Berlin evening drainage").ExpectReply(r => r ==
            "Every 2 days at 02:30, starting Fri 26 Mar 2027 (Europe/Berlin) — “evening drainage”\nNext:\n" +
            "• Fri 26 Mar 02:30 Europe/Berlin\n• Sun 28 Mar 03:00 Europe/Berlin (daylight-saving change that day: 02:30 does not exist, so at 03:00)\n" +
            "• Tue 30 Mar 02:30 Europe/Berlin\n" +
            "Save this reminder?");

        Assert.Equal(["✔ Save", "✖ Cancel"], preview.Buttons.SelectMany(r => r).Select(b => b.Label));
        Assert.Equal(ReminderState.Draft, Assert.Single(chat.Reminders()).State);
        Assert.Empty(chat.Get<RecordingSlotScheduler>().Slots);
        await chat.Send("/reminders").ExpectReplyContaining("You have no reminders yet.");

        await chat.Press(preview.SaveButton().Data).ExpectReply(r => r ==
            "Saved! Reminder #1: every 2 days at 02:30, starting Fri 26 Mar 2027 (Europe/Berlin) — “evening drainage”.\nSend /reminders to see or change your reminders.");

        Assert.Equal(ReminderState.Active, Assert.Single(chat.Reminders()).State);
        Assert.Equal([("Europe/Berlin", new TimeOnly(2, 30))], chat.Get<RecordingSlotScheduler>().Slots);
    }

    [Fact]
    public async Task Save_PressedTwice_SavesOnce()
    {
        using var chat = ReminderBot.Create();
        var preview = await chat.Send("/remind 8:00 UTC");

        var first = await chat.Press(preview.SaveButton().Data).ExpectReplyContaining("Saved! Reminder #1: every day at 08:00 (UTC).");
        await chat.Press(preview.SaveButton().Data).ExpectReply(r => r == "Reminder #1 is already saved. Nothing changed.");

        Assert.True(first.ReplacesPressedMessage);
        Assert.Single(chat.Reminders());
    }

    [Fact]
    public async Task Cancel_DeletesThePreview_AndALaterSaveSavesNothing()
    {
        using var chat = ReminderBot.Create();
        var preview = await chat.Send("/remind weekdays 7:30 UTC");

        await chat.Press(preview.Button("✖ Cancel").Data).ExpectReply(r => r == "Cancelled; nothing was saved.");
        await chat.Press(preview.SaveButton().Data).ExpectReply(r => r == "That preview was cancelled or has expired, so nothing was saved. Send /remind again.");

        Assert.Empty(chat.Reminders());
        Assert.Empty(chat.Get<RecordingSlotScheduler>().Slots);
    }

    [Fact]
    public async Task Save_ByAnotherMember_ChangesNothing()
    {
        using var chat = ReminderBot.Create(ChatKind.Group);
        var preview = await chat.Send("/remind 8:00 UTC");

        await chat.Other().Press(preview.SaveButton().Data).ExpectReply(r => r == "Those buttons are for the member who sent /remind, so nothing changed.");

        Assert.Equal(ReminderState.Draft, Assert.Single(chat.Reminders()).State);
    }

    [Fact]
    public async Task Save_AfterTheOneOffsTimeHasPassed_SavesNothing()
    {
        using var chat = ReminderBot.Create();
        var preview = await chat.Send("/remind in 2 hours UTC");

        chat.Time.Advance(TimeSpan.FromHours(3));
        await chat.Press(preview.SaveButton().Data).ExpectReply(r => r == "That time has passed, so nothing was saved. Send /remind again.");

        Assert.Empty(chat.Reminders());
    }

    [Fact]
    public async Task Save_WhenTheLimitWasReachedMeanwhile_IsRefused_AndWorksOnceThereIsRoom()
    {
        using var chat = ReminderBot.Create();
        foreach (var hour in new[] { "6:00", "7:00", "9:00" })
        {
            await chat.Remind($"/remind {hour} UTC");
        }

        var first = await chat.Send("/remind 10:00 UTC");
        var second = await chat.Send("/remind 11:00 and 12:00 UTC");
        await chat.Press(second.SaveButton().Data).ExpectReplyContaining("Saved! Reminder #5: every day at 11:00 and 12:00 (UTC).");

        var refused = await chat.Press(first.SaveButton().Data).ExpectReplyContaining("You already have 5 reminders, the most I keep for one member");
        Assert.False(refused.ReplacesPressedMessage);
        await chat.Send("/remind off 1");
        await chat.Press(first.SaveButton().Data).ExpectReplyContaining("Saved! Reminder #4: every day at 10:00 (UTC).");
    }

    [Fact]
    public async Task UnsavedPreview_IsDeletedADayLater_WhenTheMemberPreviewsAnother()
    {
        using var chat = ReminderBot.Create();
        var old = await chat.Send("/remind 8:00 UTC");

        chat.Time.Advance(TimeSpan.FromDays(1.5));
        await chat.Send("/remind 9:00 UTC");

        Assert.Equal([new TimeOnly(9, 0)], chat.Reminders().Select(r => r.LocalTime));
        await chat.Press(old.SaveButton().Data).ExpectReplyContaining("That preview was cancelled or has expired");
    }
}
