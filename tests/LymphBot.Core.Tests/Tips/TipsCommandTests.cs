using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Tips;

/// <summary>/tips: a chat's tip of the day as one schedule on the reminder machinery, set, changed, shown and turned off.</summary>
public sealed class TipsCommandTests
{
    [Fact]
    public async Task TipsDaily_SetsOneScheduleForTheChat_AndEnsuresItsSlot()
    {
        using var chat = CommunityBot.Create();

        await chat.Send("/tips daily 9:00 Europe/Berlin").ExpectReplyContaining("A tip of the day will be posted here every day at 09:00 Europe/Berlin.");

        var schedule = Assert.Single(chat.Get<InMemoryReminderStore>().All);
        Assert.Equal(
            (ReminderKind.TipOfTheDay, chat.Address, new TimeOnly(9, 0), "Europe/Berlin", ReminderState.Active),
            (schedule.Kind, schedule.Chat, schedule.LocalTime, schedule.TimeZone, schedule.State));
        Assert.Equal([("Europe/Berlin", new TimeOnly(9, 0))], chat.Get<RecordingSlotScheduler>().Slots);
        await chat.Send("/reminders").ExpectReplyContaining("You have no reminders yet");
    }

    [Fact]
    public async Task TipsDaily_Again_ReplacesTheSchedule_AndTipsShowsIt()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tips daily 9:00 Europe/Berlin");

        await chat.Send("/tips daily 10:30").ExpectReplyContaining("every day at 10:30 UTC");
        await chat.Send("/tips").ExpectReplyContaining("Tip of the day: every day at 10:30 UTC. /tips off stops it.");

        Assert.Equal([(new TimeOnly(10, 30), "UTC")], chat.Get<InMemoryReminderStore>().All.Select(r => (r.LocalTime, r.TimeZone)));
    }

    [Fact]
    public async Task TipsOff_RemovesTheSchedule_AndAgainSaysThereIsNone()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tips daily 9:00 Europe/Berlin");

        await chat.Send("/tips off").ExpectReplyContaining("The tip of the day is off in this chat.");
        await chat.Send("/tips off").ExpectReplyContaining("This chat has no tip of the day.");
        await chat.Send("/tips").ExpectReplyContaining("No tip of the day here yet.");

        Assert.Empty(chat.Get<InMemoryReminderStore>().All);
    }

    [Theory]
    [InlineData("/tips daily 25:99", "I couldn't read \"25:99\" as a time.")]
    [InlineData("/tips daily soon", "I couldn't read \"soon\" as a time.")]
    [InlineData("/tips daily 9:00 Mars/Olympus", "I don't know the time zone \"Mars/Olympus\".")]
    [InlineData("/tips weekly 9:00", "Usage: /tips daily <time> [zone]")]
    [InlineData("/tips daily", "Usage: /tips daily <time> [zone]")]
    public async Task TipsDaily_BadInput_GetsAFriendlyReply_AndKeepsTheScheduleThereWas(string command, string expected)
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tips daily 9:00 Europe/Berlin");

        await chat.Send(command).ExpectReplyContaining(expected);

        var schedule = Assert.Single(chat.Get<InMemoryReminderStore>().All);
        Assert.Equal((new TimeOnly(9, 0), "Europe/Berlin"), (schedule.LocalTime, schedule.TimeZone));
        Assert.Single(chat.Get<RecordingSlotScheduler>().Slots);
    }

    [Fact]
    public async Task TipsDaily_InAThread_BelongsToTheChat()
    {
        using var chat = CommunityBot.Create();
        var thread = chat.As(chat.Member, chat.Address with { ThreadId = "7" }, chat.Kind, chat.Facts);
        await thread.Send("/tips daily 9:00");

        await chat.Send("/tips").ExpectReplyContaining("every day at 09:00 UTC");
        await chat.Send("/tips off").ExpectReplyContaining("The tip of the day is off in this chat.");

        Assert.Empty(chat.Get<InMemoryReminderStore>().All);
    }
}
