using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>
/// A one-off that fired and a course past its last day leave /reminders and the member's limit, stay stored as finished,
/// and a slot with nothing left in it stops firing. The chat's clock starts on Monday 23 November 2026 at 08:00 UTC.
/// </summary>
public sealed class FinishedReminderTests
{
    [Fact]
    public async Task OneOff_AfterItFires_IsFinished_Unlisted_AndItsSlotStops()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind tomorrow 9am UTC");
        var slots = chat.Get<RecordingSlotScheduler>();
        Assert.Equal([("UTC", new TimeOnly(9, 0))], slots.Slots);

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var written = await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(9, 0), CancellationToken.None);

        Assert.Equal(1, written);
        Assert.Equal(ReminderState.Finished, Assert.Single(chat.Reminders()).State);
        Assert.Empty(slots.Slots);
        await chat.Send("/reminders").ExpectReplyContaining("You have no reminders yet.");
    }

    [Fact]
    public async Task Course_OnItsLastDay_FiresThenFinishes_WhileADailyOneInTheSameSlotGoesOn()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 for 2 days UTC");
        await chat.Remind("/remind 9:00 UTC");
        var fanOut = chat.Get<ReminderFanOut>();

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await fanOut.RunAsync("UTC", new TimeOnly(9, 0), CancellationToken.None));
        Assert.All(chat.Reminders(), r => Assert.Equal(ReminderState.Active, r.State));

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await fanOut.RunAsync("UTC", new TimeOnly(9, 0), CancellationToken.None));
        Assert.Equal([ReminderState.Finished, ReminderState.Active], chat.Reminders().Select(r => r.State));
        Assert.Equal([("UTC", new TimeOnly(9, 0))], chat.Get<RecordingSlotScheduler>().Slots);

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await fanOut.RunAsync("UTC", new TimeOnly(9, 0), CancellationToken.None));
        await chat.Send("/reminders").ExpectReply(r => r.Contains("#2  09:00 UTC — active", StringComparison.Ordinal) && !r.Contains("#1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finished_NoLongerCountsTowardsTheLimit()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind tomorrow 9am UTC");
        foreach (var hour in new[] { "6:00", "7:00", "10:00", "11:00" })
        {
            await chat.Remind($"/remind {hour} UTC");
        }

        await chat.Remind("/remind 12:00 UTC").ExpectReplyContaining("You already have 5 reminders");

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(9, 0), CancellationToken.None);

        await chat.Remind("/remind 12:00 UTC").ExpectReplyContaining("Saved! Reminder #6");
    }

    [Fact]
    public async Task PausedCourse_WhoseEndPassed_FinishesWithoutFiring()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 until 2026-11-24 UTC");
        await chat.Send("/remind pause 1");

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(9, 0), CancellationToken.None));

        Assert.Equal(ReminderState.Finished, Assert.Single(chat.Reminders()).State);
        Assert.Empty(chat.Get<RecordingSlotScheduler>().Slots);
    }
}
