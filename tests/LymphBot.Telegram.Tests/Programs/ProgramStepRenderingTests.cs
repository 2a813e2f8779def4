using LymphBot.Core.Chat;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Telegram.Mapping;

namespace LymphBot.Telegram.Tests.Programs;

/// <summary>A program's step is the knowledge base's text: on Telegram it is HTML-escaped, never markup of its own.</summary>
public sealed class ProgramStepRenderingTests
{
    private static readonly DateOnly FirstDay = new(2026, 11, 24);

    private static readonly ReminderSubscription Course = new(9, new ChatUser("telegram", "31", "Ada"), new ChatAddress("telegram", "31"), new TimeOnly(8, 0), "UTC", ReminderState.Active, DateTimeOffset.UnixEpoch)
    {
        Kind = ReminderKind.Program,
        Schedule = new ReminderSchedule([new TimeOnly(8, 0)], from: FirstDay, until: FirstDay.AddDays(3)),
    };

    [Fact]
    public void Step_WithHtmlAndMarkupInItsText_IsEscapedForTelegram_AndKeepsDoneSkipSnooze()
    {
        var delivery = new Delivery(5, Course.Id, Course.Chat, FirstDay, DeliveryKind.Daily, DateTimeOffset.UnixEpoch, DeliveryState.Pending, 0,
            "Tests <b>&</b>, day 1 of 3: **Begin**\nUse <i>light</i> & **soft** strokes `now`.");

        var reply = ProgramText.Delivery(delivery, Course);
        var part = Assert.Single(TelegramRendering.Render(reply));

        Assert.Equal("🌿 <b>Tests &lt;b&gt;&amp;&lt;/b&gt;, day 1 of 3: **Begin**</b> (08:00)\nUse &lt;i&gt;light&lt;/i&gt; &amp; **soft** strokes `now`.", part.Html);
        Assert.Equal(["rem:done:5", "rem:skip:5", "rem:snooze:5:15", "rem:snooze:5:60", "rem:snooze:5:180"], reply.Buttons.SelectMany(r => r).Select(b => b.Data));
    }

    [Fact]
    public void Summary_OnTheCoursesLastDate_HasNoButtons()
    {
        var delivery = new Delivery(6, Course.Id, Course.Chat, FirstDay.AddDays(3), DeliveryKind.Daily, DateTimeOffset.UnixEpoch, DeliveryState.Pending, 0,
            ProgramText.Summary("Tests <b>", "tests", 3, 2, 0));

        var reply = ProgramText.Delivery(delivery, Course);
        var part = Assert.Single(TelegramRendering.Render(reply));

        Assert.StartsWith("🏁 <b>Tests &lt;b&gt;: finished</b>\nThat was the last of its 3 days. Done 2 of 3, missed 1.", part.Html, StringComparison.Ordinal);
        Assert.Empty(reply.Buttons);
    }
}
