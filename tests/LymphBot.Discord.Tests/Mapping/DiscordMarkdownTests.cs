using LymphBot.Core.Chat;
using LymphBot.Discord.Mapping;

namespace LymphBot.Discord.Tests.Mapping;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("a*b_c~d", @"a\*b\_c\~d")]
    [InlineData("x|y>z#w-v", @"x\|y\>z\#w\-v")]
    [InlineData("[link](http://x)", @"\[link\]\(http://x\)")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("<@123> <#456> <@&789>", @"\<@123\> \<\#456\> \<@&789\>")]
    [InlineData("plain words", "plain words")]
    public void Escape_MarkdownAndMentionCharacters_GetABackslash(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }

    [Fact]
    public void Escape_EveryoneAndHere_CannotPing()
    {
        var escaped = DiscordMarkdown.Escape("hi @everyone and @here");

        Assert.DoesNotContain("@everyone", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", escaped, StringComparison.Ordinal);
        Assert.Equal("hi @everyone and @here", escaped.Replace("\u200B", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_BoldAndCode_UseDiscordMarkdownWithPlainSpansEscaped()
    {
        var rendered = DiscordMarkdown.Render(ReplyMarkup.Parse("**Tip:** use `/remind 8:00` _daily_ \\*"));

        Assert.Equal(@"**Tip:** use `/remind 8:00` \_daily\_ \*", rendered);
    }

    [Fact]
    public void Render_BacktickInsideCode_IsRemovedSoTheSpanCannotBreakOut()
    {
        var spans = new[] { new MarkupSpan("a`b", MarkupStyle.Code) };

        Assert.Equal("`ab`", DiscordMarkdown.Render(spans));
    }

    [Fact]
    public void RenderChunks_LongText_SplitsAtParagraphsEachUnderTheLimit()
    {
        var paragraph = "**Bold start** " + string.Join(' ', Enumerable.Repeat("word", 150));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 6));

        var chunks = DiscordMarkdown.RenderChunks(text);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.True(c.Length <= DiscordMarkdown.MaxMessageLength));
        Assert.All(chunks, c => Assert.StartsWith("**Bold start**", c, StringComparison.Ordinal));
        Assert.Equal(6, chunks.Sum(c => c.Split("**Bold start**").Length - 1));
    }

    [Fact]
    public void RenderChunks_OneHugeParagraph_SplitsAtWordsAndKeepsBoldClosed()
    {
        var text = "**" + string.Join(' ', Enumerable.Repeat("swelling", 600)) + "**";

        var chunks = DiscordMarkdown.RenderChunks(text);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c =>
        {
            Assert.True(c.Length <= DiscordMarkdown.MaxMessageLength);
            Assert.StartsWith("**", c, StringComparison.Ordinal);
            Assert.EndsWith("**", c, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void RenderChunks_UnbrokenRunOfEscapedCharacters_HardSplitsUnderTheLimit()
    {
        var chunks = DiscordMarkdown.RenderChunks(new string('_', 5000));

        Assert.All(chunks, c => Assert.True(c.Length <= DiscordMarkdown.MaxMessageLength));
        Assert.Equal(5000, chunks.Sum(c => c.Length) / 2);
    }
}
