using LymphBot.Core.Chat;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Discord.Mapping;

namespace LymphBot.Discord.Tests.Programs;

/// <summary>A program's step is the knowledge base's text: on Discord its Markdown characters are escaped, never formatting.</summary>
public sealed class ProgramStepRenderingTests
{
    [Fact]
    public void Step_WithMarkdownInItsText_IsEscapedForDiscord()
    {
        var firstDay = new DateOnly(2026, 11, 24);
        var course = new ReminderSubscription(9, new ChatUser("discord", "31", "Ada"), new ChatAddress("discord", "7"), new TimeOnly(8, 0), "UTC", ReminderState.Active, DateTimeOffset.UnixEpoch)
        {
            Kind = ReminderKind.Program,
            Schedule = new ReminderSchedule([new TimeOnly(8, 0)], from: firstDay, until: firstDay.AddDays(3)),
        };
        var delivery = new Delivery(5, course.Id, course.Chat, firstDay, DeliveryKind.Daily, DateTimeOffset.UnixEpoch, DeliveryState.Pending, 0,
            "Tests, day 1 of 3: _Begin_\nUse **soft** strokes @everyone <t:1:F>.");

        var message = Assert.Single(DiscordRendering.ToMessages(ProgramText.Delivery(delivery, course)));

        Assert.StartsWith("🌿 **Tests, day 1 of 3: \\_Begin\\_** ", message.Content, StringComparison.Ordinal);
        Assert.Contains("\nUse \\*\\*soft\\*\\* strokes", message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(" <t:1:F>", message.Content, StringComparison.Ordinal);
        Assert.Empty(message.AllowedMentions!.Parse);
    }
}
