using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>/remind with nothing after it: a time, then a zone, by buttons; the reminder is made as /remind add makes it.</summary>
public sealed class ReminderPickerTests
{
    [Fact]
    public async Task Remind_Bare_OffersTheCommonTimesAsButtons_AndTheTypedForm()
    {
        using var chat = ReminderBot.Create();

        var picker = await chat.Send("/remind").ExpectReplyContaining("Pick a time, or type one with your zone, for example /remind 8:00 Europe/Berlin.");

        Assert.Equal(
            [["07:00", "08:00", "09:00", "12:00"], ["18:00", "20:00", "21:00"]],
            picker.Buttons.Select(row => row.Select(b => b.Label).ToArray()).ToArray());
        Assert.All(picker.Buttons.SelectMany(r => r), b => Assert.StartsWith("rmt:", b.Data, StringComparison.Ordinal));
        Assert.Empty(chat.Reminders());
    }

    [Fact]
    public async Task PressTime_WithASavedZone_OffersThatZone_InPlaceOfTheTimes()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/timezone Asia/Kolkata");
        var picker = await chat.Send("/remind");

        var zones = await chat.Press(picker.Button("08:00").Data).ExpectReply(r =>
            r == "Every day at 08:00 in your time zone, Asia/Kolkata?\nFor another zone, type it, for example /remind 08:00 Europe/Berlin.");

        Assert.True(zones.ReplacesPressedMessage);
        Assert.Equal("08:00 Asia/Kolkata", Assert.Single(Assert.Single(zones.Buttons)).Label);
        Assert.Empty(chat.Reminders());
    }

    [Fact]
    public async Task PressTime_WithoutASavedZone_OffersCommonZones_AndTheTypedForm()
    {
        using var chat = ReminderBot.Create();
        var picker = await chat.Send("/remind");

        var zones = await chat.Press(picker.Button("21:00").Data).ExpectReply(r =>
            r == "Every day at 21:00: in which time zone?\nOr type yours, for example /remind 21:00 Europe/Berlin.");

        Assert.True(zones.ReplacesPressedMessage);
        Assert.Equal(ReminderPicker.CommonZones, zones.Buttons.SelectMany(r => r).Select(b => b.Label));
    }

    [Fact]
    public async Task PressZone_AddsTheReminderExactlyAsRemindAddDoes()
    {
        using var picked = ReminderBot.Create();
        using var typed = ReminderBot.Create();
        var zones = await picked.Press((await picked.Send("/remind")).Button("08:00").Data);

        var done = await picked.Press(zones.Button("Europe/Berlin").Data).ExpectReplyContaining("Done! Reminder #1: every day at 08:00 Europe/Berlin.");
        await typed.Remind("/remind add 8:00 Europe/Berlin");

        Assert.True(done.ReplacesPressedMessage);
        var reminder = Assert.Single(picked.Reminders());
        Assert.Equal(Assert.Single(typed.Reminders()) with { CreatedAt = reminder.CreatedAt }, reminder);
        Assert.Equal(
            (picked.Member.UserId, picked.Address.ChatId, new TimeOnly(8, 0), "Europe/Berlin", ReminderState.Active),
            (reminder.Member.UserId, reminder.Chat.ChatId, reminder.LocalTime, reminder.TimeZone, reminder.State));
        Assert.Equal([("Europe/Berlin", new TimeOnly(8, 0))], picked.Get<RecordingSlotScheduler>().Slots);
    }

    [Fact]
    public async Task PressSameZoneButtonTwice_AddsOneReminder_AndTheSecondSaysNothingChanged()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/timezone Europe/Berlin");
        var zones = await chat.Press((await chat.Send("/remind")).Button("07:00").Data);
        var data = zones.Button("07:00 Europe/Berlin").Data;

        await chat.Press(data).ExpectReplyContaining("Done! Reminder #1");
        await chat.Press(data).ExpectReply(r => r == "You already have reminder #1 at 07:00 Europe/Berlin. Nothing changed.");

        Assert.Single(chat.Reminders());
    }

    [Fact]
    public async Task PressZone_AtTheLimit_IsRefusedAsTypedRemindIs()
    {
        using var chat = ReminderBot.Create();
        foreach (var hour in new[] { 1, 2, 3, 4, 5 })
        {
            await chat.Remind($"/remind {hour}:00 UTC");
        }

        var zones = await chat.Press((await chat.Send("/remind")).Button("09:00").Data);
        var refused = await chat.Press(zones.Button("UTC").Data).ExpectReplyContaining("You already have 5 reminders, the most I keep for one member");

        Assert.Equal((await chat.Remind("/remind 9:00 UTC"))!.Text, refused.Text);
        Assert.Equal(5, chat.Reminders().Count);
    }

    [Fact]
    public async Task PressAnotherMembersPicker_ChangesNothing_AndSaysSoInOneLine()
    {
        using var group = ReminderBot.Create(ChatKind.Group);
        var picker = await group.Send("/remind");
        var zones = await group.Press(picker.Button("08:00").Data);

        foreach (var data in new[] { picker.Button("09:00").Data, zones.Button("Europe/London").Data })
        {
            var reply = await group.Other().Press(data).ExpectReply(r =>
                r == "Those buttons are for the member who sent /remind, so nothing changed. Send /remind to pick your own time.");
            Assert.False(reply.ReplacesPressedMessage);
        }

        Assert.Empty(group.Reminders());
    }

    [Theory]
    [InlineData(":2599")]
    [InlineData(":8:00")]
    [InlineData(":0800:Mars/Olympus")]
    [InlineData("")]
    [InlineData(":")]
    public async Task PressForgedData_CreatesNothing_AndSaysSoInOneLine(string rest)
    {
        using var chat = ReminderBot.Create();
        var owner = ReminderPicker.Owner(chat.Member);

        var reply = await chat.Press($"rmt:{owner}{rest}").ExpectReply(r =>
            r == "That button doesn't work. Send /remind to pick a time, or type /remind 8:00 Europe/Berlin.");

        Assert.False(reply.ReplacesPressedMessage);
        Assert.Empty(chat.Reminders());
    }

    [Fact]
    public void ZoneButtonData_ForEveryZoneAndTheLongestUserIds_FitsTelegramsLimit()
    {
        // Discord ids have up to 20 digits; the tag keeps the data the same length whoever presses.
        var member = new ChatUser("discord", "18446744073709551615", "Ada");
        var longest = TimeZoneInfo.GetSystemTimeZones().Select(z => TimeZones.TryFind(z.Id, out _, out var id) ? id : "UTC").MaxBy(id => id.Length)!;

        var data = $"rmt:{ReminderPicker.Owner(member)}:2359:{longest}";

        Assert.True(Encoding.UTF8.GetByteCount(data) <= ReplyButton.MaxDataBytes, $"{data} is {Encoding.UTF8.GetByteCount(data)} bytes");
    }
}
