using LymphBot.Core.Chat;

namespace LymphBot.Core.Tests.Chat;

public sealed class ReplyMarkupTests
{
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
