using LymphBot.Core.Chat;

namespace LymphBot.Core.Tests.Chat;

public sealed class MarkupSplitterTests
{
    [Fact]
    public void Split_LongText_CutsAtParagraphsFirst_ThenLines_ThenWords()
    {
        var paragraphs = Split($"{new string('a', 60)}\n\n{new string('b', 60)}\n{new string('c', 10)}", 100);
        var lines = Split(string.Join('\n', Enumerable.Repeat(new string('x', 9), 30)), 100);
        var words = Split(string.Join(' ', Enumerable.Repeat("word", 60)), 100);

        Assert.Equal([new string('a', 60), new string('b', 60) + "\n" + new string('c', 10)], paragraphs);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, p => Assert.All(p.Split('\n'), l => Assert.Equal(9, l.Length)));
        Assert.All(words, p => Assert.All(p.Split(' '), w => Assert.Equal("word", w)));
        Assert.Equal(string.Join(' ', Enumerable.Repeat("word", 60)), string.Join(' ', words));
    }

    [Fact]
    public void Split_AtWords_KeepsATimeWhole()
    {
        var time = new MarkupSpan("Tue 8 Dec 19:00 Europe/Berlin", MarkupStyle.Time) { Time = new ReaderTime(1_796_752_800, ReaderTimeFormat.DayAndTime) };
        MarkupSpan[] spans = [new("word word word ", MarkupStyle.Plain), time, new(" word", MarkupStyle.Plain)];

        var pieces = MarkupSplitter.Split(spans, 32, MarkupSplitter.VisibleLength);

        Assert.Single(pieces.SelectMany(p => p), s => s.Style == MarkupStyle.Time);
        Assert.Contains(pieces, p => p.Contains(time));
    }

    [Fact]
    public void Split_UnbrokenWord_IsCutToFit_NeverInsideASurrogatePair()
    {
        var pieces = Split(new string('a', 9) + "😀" + new string('b', 3), 10);

        Assert.Equal([new string('a', 9), "😀bbb"], pieces);
    }

    [Fact]
    public void Split_BoldAcrossACut_KeepsItsStyleInEveryPiece_AndTheMeasureIsThePlatforms()
    {
        var spans = ReplyMarkup.Parse("**" + string.Join(' ', Enumerable.Repeat("a*b", 40)) + "**");

        // As a markdown platform measures: every '*' escaped, four characters of bold marks around each span.
        static int Markdown(IReadOnlyList<MarkupSpan> s) => s.Sum(x => x.Text.Replace("*", "\\*", StringComparison.Ordinal).Length + (x.Style == MarkupStyle.Bold ? 4 : 0));
        var pieces = MarkupSplitter.Split(spans, 50, Markdown);

        Assert.True(pieces.Count > 3);
        Assert.All(pieces, p => Assert.True(Markdown(p) <= 50, $"{Markdown(p)} > 50"));
        Assert.All(pieces, p => Assert.All(p.Where(s => s.Text.Trim().Length > 0), s => Assert.Equal(MarkupStyle.Bold, s.Style)));
        Assert.Equal(40, pieces.Sum(p => p.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)));
    }

    [Fact]
    public void Split_OnlyWhitespace_HasNoPieces_AndCutsDropTheirWhitespace()
    {
        Assert.Empty(MarkupSplitter.Split(ReplyMarkup.Parse("  \n\n \n "), 10, MarkupSplitter.VisibleLength));
        Assert.Equal(["one", "two"], Split("  one  \n\n\n  two  ", 5));
    }

    private static List<string> Split(string text, int limit) =>
        [.. MarkupSplitter.Split(ReplyMarkup.Parse(text), limit, MarkupSplitter.VisibleLength).Select(p => string.Concat(p.Select(s => s.Text)))];
}
