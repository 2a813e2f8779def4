using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>/reminders with Pause, Resume and Remove under each reminder; a press changes the list it was pressed on.</summary>
public sealed class ReminderListButtonsTests
{
    [Fact]
    public async Task Reminders_EachReminderHasPauseOrResumeAndRemove_WithinTelegramsDataLimit()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 Europe/Berlin");
        await chat.Remind("/remind 20:30 UTC");
        await chat.Send("/remind pause 2");

        var list = await chat.Send("/reminders").ExpectReplyContaining("Change them with the buttons");

        Assert.Equal(
            [["⏸ Pause #1", "✖ Remove #1"], ["▶ Resume #2", "✖ Remove #2"]],
            list.Buttons.Select(row => row.Select(b => b.Label).ToArray()).ToArray());
        Assert.Equal(["rml:pause:1", "rml:off:1", "rml:resume:2", "rml:off:2"], list.Buttons.SelectMany(r => r).Select(b => b.Data));
        Assert.All(list.Buttons.SelectMany(r => r), b => Assert.True(Encoding.UTF8.GetByteCount(b.Data) <= ReplyButton.MaxDataBytes));
        Assert.False(list.ReplacesPressedMessage);
    }

    [Fact]
    public async Task PressPause_PausesTheReminder_AndReplacesTheListWithTheUpdatedOne()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 Europe/Berlin");
        var list = await chat.Send("/reminders");

        var updated = await chat.Press(list.Button("⏸ Pause #1").Data).ExpectReply(r =>
            r.StartsWith("Paused reminder #1.", StringComparison.Ordinal) && r.Contains("#1  08:00 Europe/Berlin — paused (paused by you)", StringComparison.Ordinal));

        Assert.True(updated.ReplacesPressedMessage);
        Assert.Equal(["▶ Resume #1", "✖ Remove #1"], updated.Buttons.Single().Select(b => b.Label));
        Assert.Equal(ReminderState.Paused, Assert.Single(chat.Reminders()).State);
    }

    [Fact]
    public async Task PressResume_TurnsItBackOn_AndReplacesTheList()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 Europe/Berlin");
        await chat.Send("/remind pause 1 3");
        var list = await chat.Send("/reminders");

        var updated = await chat.Press(list.Button("▶ Resume #1").Data).ExpectReply(r =>
            r.StartsWith("Reminder #1 is on again", StringComparison.Ordinal) && r.Contains("#1  08:00 Europe/Berlin — active", StringComparison.Ordinal));

        Assert.True(updated.ReplacesPressedMessage);
        Assert.Equal(["⏸ Pause #1", "✖ Remove #1"], updated.Buttons.Single().Select(b => b.Label));
        Assert.Equal(ReminderState.Active, Assert.Single(chat.Reminders()).State);
    }

    [Fact]
    public async Task PressRemove_RemovesIt_AndTheListShowsTheRest_ThenNone()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 Europe/Berlin");
        await chat.Remind("/remind 9:00 Europe/Berlin");
        var list = await chat.Send("/reminders");

        var afterFirst = await chat.Press(list.Button("✖ Remove #1").Data).ExpectReply(r =>
            r.StartsWith("Removed reminder #1 (08:00 Europe/Berlin).", StringComparison.Ordinal) && !r.Contains("#1  ", StringComparison.Ordinal)
            && r.Contains("#2  09:00 Europe/Berlin", StringComparison.Ordinal));
        var afterSecond = await chat.Press(afterFirst.Button("✖ Remove #2").Data).ExpectReplyContaining("You have no reminders yet");

        Assert.True(afterSecond.ReplacesPressedMessage);
        Assert.Empty(afterSecond.Buttons);
        Assert.Empty(chat.Reminders());
    }

    [Fact]
    public async Task PressOnSomeoneElsesReminder_ChangesNothing_AndSaysSoInOneLine()
    {
        using var group = ReminderBot.Create(ChatKind.Group);
        await group.Remind("/remind 8:00 Europe/Berlin");
        var adasList = await group.Send("/reminders");

        foreach (var button in adasList!.Buttons.SelectMany(r => r))
        {
            var reply = await group.Other().Press(button.Data).ExpectReply(r =>
                r == "Reminder #1 isn't one of yours (or no longer exists), so nothing changed. Send /reminders to see yours.");
            Assert.False(reply.ReplacesPressedMessage);
            Assert.True(reply.Private);
        }

        Assert.Equal(ReminderState.Active, Assert.Single(group.Reminders()).State);
    }

    [Theory]
    [InlineData("rml:pause:abc")]
    [InlineData("rml:pause:-1")]
    [InlineData("rml:pause:1:2")]
    [InlineData("rml:explode:1")]
    [InlineData("rml:pause")]
    [InlineData("rml:")]
    [InlineData("rml:pause:99999999999999999999999")]
    public async Task PressForgedData_ChangesNothing_AndSaysSoInOneLine(string data)
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 Europe/Berlin");

        var reply = await chat.Press(data).ExpectReply(r => r == "That button doesn't work. Send /reminders for a fresh list.");

        Assert.False(reply.ReplacesPressedMessage);
        Assert.Equal(ReminderState.Active, Assert.Single(chat.Reminders()).State);
    }

    [Fact]
    public async Task PressStaleButtons_AlreadyPausedOnOrRemoved_ChangeNothing_OneLineEach()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 Europe/Berlin");
        var old = await chat.Send("/reminders");
        await chat.Press(old.Button("⏸ Pause #1").Data);

        await chat.Press(old.Button("⏸ Pause #1").Data).ExpectReply(r => r == "Reminder #1 is already paused, so nothing changed. Send /reminders for a fresh list.");
        await chat.Send("/remind resume 1");
        await chat.Press("rml:resume:1").ExpectReply(r => r == "Reminder #1 is already on, so nothing changed. Send /reminders for a fresh list.");
        await chat.Send("/remind off 1");
        var gone = await chat.Press(old.Button("✖ Remove #1").Data).ExpectReplyContaining("isn't one of yours (or no longer exists)");

        Assert.False(gone.ReplacesPressedMessage);
        Assert.Empty(chat.Reminders());
    }
}
