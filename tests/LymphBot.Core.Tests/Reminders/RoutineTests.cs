using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>
/// Several times of day saved together read as one routine: one line, one id to pause, resume and stop, one label,
/// while each time keeps its own subscription in its own slot.
/// </summary>
public sealed class RoutineTests
{
    [Fact]
    public async Task ThreeTimesADay_IsOneRoutine_OneLineAndOneId_WithATriggerPerTime()
    {
        using var chat = ReminderBot.Create();

        await chat.Remind("/remind 3 times a day 8:00 14:00 20:00 UTC lymph drainage")
            .ExpectReply(r => r.StartsWith("Saved! Reminder #1: every day at 08:00, 14:00 and 20:00 (UTC) — “lymph drainage”.", StringComparison.Ordinal));

        Assert.Equal([1L, 1L, 1L], chat.Reminders().Select(r => r.Routine));
        Assert.Equal(3, chat.Get<RecordingSlotScheduler>().Slots.Count);
        var list = await chat.Send("/reminders").ExpectReplyContaining(
            "#1  08:00, 14:00 and 20:00 UTC — “lymph drainage” (every day at 08:00, 14:00 and 20:00) — active");
        Assert.Equal(["⏸ Pause #1", "✖ Remove #1"], list.Buttons.SelectMany(b => b).Select(b => b.Label));
    }

    [Fact]
    public async Task PauseResumeAndOff_ActOnEveryTimeOfTheRoutine()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 and 20:00 UTC");
        await chat.Remind("/remind 12:00 UTC");

        await chat.Send("/remind pause 1").ExpectReply(r => r == "Paused reminder #1. Send /remind resume 1 to start it again.");
        Assert.Equal([ReminderState.Paused, ReminderState.Paused, ReminderState.Active], chat.Reminders().Select(r => r.State));

        await chat.Send("/remind resume 1").ExpectReply(r => r == "Reminder #1 is on again: every day at 08:00 and 20:00 (UTC).");
        await chat.Send("/remind off 2").ExpectReplyContaining("You have no reminder #2.");
        await chat.Send("/remind off 1").ExpectReply(r => r == "Removed reminder #1 (08:00 and 20:00 UTC).");

        Assert.Equal([new TimeOnly(12, 0)], chat.Reminders().Select(r => r.LocalTime));
    }

    [Fact]
    public async Task TheSameTimesAgain_IsOneDuplicate()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 and 20:00 UTC");

        await chat.Send("/remind 8:00 and 20:00 UTC").ExpectReply(r => r == "You already have reminder #1 on this schedule. Nothing changed.");
    }
}
