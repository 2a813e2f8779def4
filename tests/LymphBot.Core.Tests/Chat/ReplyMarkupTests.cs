using LymphBot.Core.Chat;

namespace LymphBot.Core.Tests.Chat;

public sealed class ReplyMarkupTests
{
    [Fact]
    public void Time_ParsesAsOneTimeSpan_WithItsInstantFormatAndZoneNamedText()
    {
        var at = new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.Zero);

        var text = "Next: " + ReplyMarkup.Time(at, "Tue 8 Dec 19:00 Europe/Berlin", ReaderTimeFormat.DateTime) + ".";

        Assert.Equal(
            [
                new MarkupSpan("Next: ", MarkupStyle.Plain),
                new MarkupSpan("Tue 8 Dec 19:00 Europe/Berlin", MarkupStyle.Time) { Time = new ReaderTime(at.ToUnixTimeSeconds(), ReaderTimeFormat.DateTime) },
                new MarkupSpan(".", MarkupStyle.Plain),
            ],
            ReplyMarkup.Parse(text));
        Assert.Equal("Next: Tue 8 Dec 19:00 Europe/Berlin.", ReplyMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("<t:1796752800:F|Tue 8 Dec 19:00 UTC>")]
    [InlineData("my label <t:0:f|x> here")]
    public void Escape_MemberTextShapedLikeATime_StaysLiteral(string typed)
    {
        var spans = ReplyMarkup.Parse(ReplyMarkup.Escape(typed));

        Assert.Equal([new MarkupSpan(typed, MarkupStyle.Plain)], spans);
    }

    [Theory]
    [InlineData("<t:abc:f|x>")]
    [InlineData("<t:12:z|x>")]
    [InlineData("<t:12:f|>")]
    [InlineData("<t:12:f|never closed")]
    public void Parse_MalformedTime_IsPlainText(string text) =>
        Assert.Equal([new MarkupSpan(text, MarkupStyle.Plain)], ReplyMarkup.Parse(text));

    [Fact]
    public void Parse_BoldAndCode_YieldsStyledSpans()
    {
        var spans = ReplyMarkup.Parse("Use **gentle** pressure, then `/remind 8:00`.");

        Assert.Equal(
            [
                new MarkupSpan("Use ", MarkupStyle.Plain),
                new MarkupSpan("gentle", MarkupStyle.Bold),
                new MarkupSpan(" pressure, then ", MarkupStyle.Plain),
                new MarkupSpan("/remind 8:00", MarkupStyle.Code),
                new MarkupSpan(".", MarkupStyle.Plain),
            ],
            spans);
    }

    [Theory]
    [InlineData("**not closed", "**not closed")]
    [InlineData("a ` b", "a ` b")]
    [InlineData("2 * 3 = 6", "2 * 3 = 6")]
    public void Parse_UnclosedMarkers_AreLiteral(string text, string plain)
    {
        Assert.Equal(plain, ReplyMarkup.ToPlainText(text));
    }

    [Theory]
    [InlineData("**x**")]
    [InlineData("`rm -rf`")]
    [InlineData("back\\slash \\*")]
    [InlineData("<b>html</b> & @everyone")]
    public void Escape_ThenParse_RoundTripsAsPlainText(string userText)
    {
        var spans = ReplyMarkup.Parse(ReplyMarkup.Escape(userText));

        Assert.All(spans, s => Assert.Equal(MarkupStyle.Plain, s.Style));
        Assert.Equal(userText, string.Concat(spans.Select(s => s.Text)));
    }
}
