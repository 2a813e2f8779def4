using System.Text.RegularExpressions;
using LymphBot.Core.Chat;
using LymphBot.Telegram.Mapping;
using LymphBot.Testing.Conversations;

namespace LymphBot.Telegram.Tests.Mapping;

public sealed class TelegramRenderingTests
{
    [Fact]
    public void Render_MarkupAndUserText_BoldAndCodeTagsWithEverythingEscaped()
    {
        var reply = new Reply($"Use **{ReplyMarkup.Escape("<script>&")}** or `a<b`") { Citation = "Guide <2>, ¶3" };

        var part = Assert.Single(TelegramRendering.Render(reply));

        Assert.Equal("Use <b>&lt;script&gt;&amp;</b> or <code>a&lt;b</code>\n<i>Source: Guide &lt;2&gt;, ¶3</i>", part.Html);
        Assert.Equal("Use <script>& or a<b\nSource: Guide <2>, ¶3", part.PlainText);
    }

    [Fact]
    public void Render_ProgressOfALabelFullOfMarkup_BoldsTheIdOnly_AndKeepsTheLabelAndMarksLiteral()
    {
        var part = Assert.Single(TelegramRendering.Render(ProgressSample.Reply()));

        Assert.StartsWith("<b>#3</b> &lt;b&gt;legs&lt;/b&gt; &amp; *arms* _x_ &lt;t:1:F&gt; — every day at 09:00 (UTC)\nThu 19 Nov  ➖➖➖➖✅💤⏳\nstreak: 1 day\n✅ done", part.Html, StringComparison.Ordinal);
        Assert.Empty(part.Entities ?? []);
    }

    [Fact]
    public void Render_TelegramHtmlInUserText_IsShownLiterally()
    {
        var part = Assert.Single(TelegramRendering.Render(Reply.Plain("<a href=\"x\">click</a> &amp;")));

        Assert.Equal("&lt;a href=\"x\"&gt;click&lt;/a&gt; &amp;amp;", part.Html);
    }

    [Fact]
    public void Render_LongReply_SplitsAtParagraphsFirst()
    {
        var first = new string('a', 3000);
        var second = new string('b', 3000) + "\n" + new string('c', 500);

        var parts = TelegramRendering.Render(new Reply($"{first}\n\n{second}"));

        Assert.Equal([first, second], parts.Select(p => p.PlainText));
    }

    [Fact]
    public void Render_LongParagraph_SplitsAtLinesThenWords()
    {
        var lines = string.Join('\n', Enumerable.Repeat(new string('x', 99), 60)); // 5,999 characters, no blank line
        var words = string.Join(' ', Enumerable.Repeat("word", 1500)); // 7,499 characters, one line

        var byLines = TelegramRendering.Render(new Reply(lines));
        var byWords = TelegramRendering.Render(new Reply(words));

        Assert.Equal(2, byLines.Count);
        Assert.All(byLines, p => Assert.All(p.PlainText.Split('\n'), l => Assert.Equal(99, l.Length)));
        Assert.Equal(2, byWords.Count);
        Assert.All(byWords, p => Assert.All(p.PlainText.Split(' '), w => Assert.Equal("word", w)));
        Assert.Equal(words, string.Join(' ', byWords.Select(p => p.PlainText)));
    }

    [Fact]
    public void Render_UnbrokenText_HardCutButNeverInsideASurrogatePair()
    {
        var text = new string('a', 4095) + "😀" + new string('b', 10);

        var parts = TelegramRendering.Render(new Reply(text));

        Assert.Equal(new string('a', 4095), parts[0].PlainText);
        Assert.Equal("😀" + new string('b', 10), parts[1].PlainText);
    }

    [Fact]
    public void Render_BoldSpanAcrossACut_EveryPartHasBalancedTagsAndFits()
    {
        var text = "**" + string.Join(' ', Enumerable.Repeat("bold&", 2000)) + "**";

        var parts = TelegramRendering.Render(new Reply(text));

        Assert.True(parts.Count >= 3);
        foreach (var part in parts)
        {
            Assert.True(part.PlainText.Length <= TelegramRendering.MaxMessageLength);
            Assert.StartsWith("<b>", part.Html, StringComparison.Ordinal);
            Assert.EndsWith("</b>", part.Html, StringComparison.Ordinal);
            Assert.Equal(Regex.Count(part.Html, "<b>"), Regex.Count(part.Html, "</b>"));
            Assert.DoesNotContain("& ", part.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_EmptyText_HasNoParts()
    {
        Assert.Empty(TelegramRendering.Render(new Reply("  \n ")));
    }

    [Fact]
    public void ToKeyboard_Rows_BecomeInlineButtonsWithCallbackData()
    {
        var keyboard = TelegramRendering.ToKeyboard([[new ReplyButton("Yes", "kb:1"), new ReplyButton("No", "kb:2")], [new ReplyButton("More", "more:1")]])!;

        var rows = keyboard.InlineKeyboard.Select(r => r.Select(b => (b.Text, b.CallbackData)).ToList()).ToList();
        Assert.Equal([("Yes", "kb:1"), ("No", "kb:2")], rows[0]);
        Assert.Equal([("More", "more:1")], rows[1]);
        Assert.Null(TelegramRendering.ToKeyboard([]));
    }

    [Fact]
    public void ToReplyMarkup_LocationRequest_IsAOneTimeKeyboardThatSharesTheLocation_AndItsEndRemovesIt()
    {
        var ask = Assert.IsType<global::Telegram.Bot.Types.ReplyMarkups.ReplyKeyboardMarkup>(TelegramRendering.ToReplyMarkup(new Reply("Where are you?") { LocationRequest = "📍 Share" }));
        var done = TelegramRendering.ToReplyMarkup(new Reply("Saved.") { EndsLocationRequest = true });

        var button = Assert.Single(Assert.Single(ask.Keyboard));
        Assert.Equal(("📍 Share", true), (button.Text, button.RequestLocation));
        Assert.True(ask.OneTimeKeyboard);
        Assert.IsType<global::Telegram.Bot.Types.ReplyMarkups.ReplyKeyboardRemove>(done);
        Assert.Null(TelegramRendering.ToReplyMarkup(new Reply("Hello")));
        Assert.IsType<global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup>(TelegramRendering.ToReplyMarkup(new Reply("Pick") { Buttons = [[new ReplyButton("A", "x:1")]] }));
    }
}
