using System.Globalization;
using System.Xml.Linq;
using LymphBot.Dashboard;

namespace LymphBot.Tests.Dashboard;

/// <summary>The day labels under a chart's bars, read from the rendered SVG.</summary>
public sealed class SvgBarChartTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(7)]
    [InlineData(2)]
    [InlineData(90)]
    public void DayLabels_StandALabelWidthApart_AndTheNewestDayHasOne(int days)
    {
        var first = new DateOnly(2026, 11, 8);
        var series = new DailySeries("answered", "#2a7", [.. Enumerable.Range(0, days).Select(d => (long)d)]);

        var labels = DayLabels(SvgBarChart.Render("Questions", first, [series]));

        Assert.True(labels.Count >= Math.Min(days, 2), $"{labels.Count} labels for {days} days");
        Assert.Equal($"{first.AddDays(days - 1):MM-dd}", labels[^1].Text);
        Assert.All(labels.Zip(labels.Skip(1)), pair => Assert.True(
            pair.Second.X - pair.First.X >= SvgBarChart.LabelWidth,
            $"{pair.First.Text} at {pair.First.X} and {pair.Second.Text} at {pair.Second.X} are closer than {SvgBarChart.LabelWidth}"));
    }

    // The axis labels under the bars (centred text), in the order of their x positions.
    private static List<(double X, string Text)> DayLabels(string html)
    {
        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length)];
        XNamespace ns = "http://www.w3.org/2000/svg";
        return [.. XElement.Parse(svg).Elements(ns + "text")
            .Where(t => (string?)t.Attribute("text-anchor") == "middle")
            .Select(t => (X: double.Parse((string)t.Attribute("x")!, CultureInfo.InvariantCulture), Text: t.Value))
            .OrderBy(l => l.X)];
    }
}
