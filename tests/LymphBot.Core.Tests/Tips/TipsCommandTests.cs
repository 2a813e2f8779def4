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
    [InlineData("/tips daily 25:99", "/tips daily: \"25:99\" is not <time>, which takes a time such as 8:00")]
    [InlineData("/tips daily soon", "/tips daily: \"soon\" is not <time>")]
    [InlineData("/tips daily 9:00 Mars/Olympus", "/tips daily: \"Mars/Olympus\" is not [zone], which takes a time zone such as Europe/Berlin")]
    [InlineData("/tips weekly 9:00", "/tips has no \"weekly\": use /tips daily or /tips off.")]
    [InlineData("/tips daily", "/tips daily needs <time>: a time such as 8:00, 8am, 8:30 pm or 20:30. For example: /tips daily 9:00 Europe/Berlin")]
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
