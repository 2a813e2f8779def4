using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>A reminder's label: whatever follows the schedule and optional zone, escaped wherever it is shown.</summary>
public sealed class ReminderLabelTests
{
    [Fact]
    public async Task Remind_ScheduleZoneAndLabel_StoresTheLabel_AndShowsItInThePreviewAndTheList()
    {
        using var chat = ReminderBot.Create();

        await chat.Remind("/remind mon wed fri 19:00 Europe/Berlin evening drainage")
            .ExpectReplyContaining("Every Monday, Wednesday and Friday at 19:00 (Europe/Berlin) — “evening drainage”");

        Assert.Equal("evening drainage", Assert.Single(chat.Reminders()).Label);
        await chat.Send("/reminders").ExpectReplyContaining("#1  19:00 Europe/Berlin — “evening drainage” (every Monday");
    }

    [Fact]
    public async Task Remind_PlainTimeWithTheSavedZone_TakesTheRestAsTheLabel_OnOneLine_ShownLiterally()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/timezone Asia/Tokyo");

        await chat.Remind("/remind 8:00 stretch   **and**\nbreathe").ExpectReplyContaining("every day at 08:00 (Asia/Tokyo) — “stretch **and** breathe”.");

        Assert.Equal("stretch **and** breathe", Assert.Single(chat.Reminders()).Label);
    }

    [Fact]
    public async Task Remind_LabelTooLong_OneFriendlyLine_NothingSaved()
    {
        using var chat = ReminderBot.Create();

        var reply = await chat.Remind("/remind 8:00 UTC " + new string('x', 61))
            .ExpectReply(r => r == $"That label has 61 characters; keep it to 60 or fewer. For example: {ScheduleParser.Example}");

        Assert.DoesNotContain('\n', reply.Text);
        Assert.Empty(chat.Reminders());
    }

    [Fact]
    public async Task Remind_ZoneShapedButUnknown_IsAWrongZone_NotALabel()
    {
        using var chat = ReminderBot.Create();

        await chat.Remind("/remind 8:00 Europe/Berlinn drainage").ExpectReplyContaining("\"Europe/Berlinn\" is not [zone]");

        Assert.Empty(chat.Reminders());
    }

    [Theory]
    [InlineData(DeliveryKind.Daily, "🌿 **evening \\*drainage\\*** (19:00)\nTime.")]
    [InlineData(DeliveryKind.Snooze, "⏰ **Snoozed reminder**: **evening \\*drainage\\***\nTime.")]
    [InlineData(DeliveryKind.FollowUp, "🔔 **Still to do: evening \\*drainage\\*** (19:00)\nTime.")]
    public void Delivery_IsHeadedByTheEscapedLabel(DeliveryKind kind, string expected) =>
        Assert.Equal(expected, ReminderText.Delivery(7, new TimeOnly(19, 0), "Time.", kind, "evening *drainage*").Text);

    [Fact]
    public void Delivery_WithoutALabel_IsTheDailyRoutineAsBefore() =>
        Assert.StartsWith("🌿 **Your daily routine** (08:00)\n", ReminderText.Delivery(7, new TimeOnly(8, 0), "Time.", DeliveryKind.Daily).Text, StringComparison.Ordinal);
}
