using System.Globalization;
using System.Text;

namespace LymphBot.Dashboard;

/// <summary>
/// A day-by-day chart as inline SVG: stacked bars for the parts of a whole, and an optional mark per day for a total
/// they fall within (reminders due). Each day carries a &lt;title&gt; with its numbers, a legend names the totals, and
/// a table under &lt;details&gt; holds every number, so it reads at a glance and without JavaScript.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Left = 44;
    private const int Bottom = 22;
    private const int Top = 8;

    /// <summary>
    /// Room a day label (<c>MM-dd</c> at the 11px axis font, about 33 units) takes with a little space beside it:
    /// labels stand at least this far apart.
    /// </summary>
    internal const double LabelWidth = 40;

    public static string Render(string title, DateOnly firstDay, IReadOnlyList<DailySeries> stacked, DailySeries? marks = null)
    {
        ArgumentNullException.ThrowIfNull(stacked);
        var days = stacked[0].Values.Count;
        var max = Math.Max(1, Enumerable.Range(0, days).Max(d => Math.Max(stacked.Sum(s => s.Values[d]), marks?.Values[d] ?? 0)));
        var plotHeight = Height - Bottom - Top;
        var slot = (double)(Width - Left) / days;

        // Labels are counted back from the newest day, so it always has one and the others keep their distance from
        // it; counting forward from the first day put a weekly label one slot before the newest's, and they overlapped.
        var labelStep = Math.Max(days > 14 ? 7 : 1, (int)Math.Ceiling(LabelWidth / slot));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><figcaption>{Html.Encode(title)}</figcaption>");
        sb.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html.Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width}\" y2=\"{Top + plotHeight}\" stroke=\"#999\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 10}\" text-anchor=\"end\" class=\"axis\">{max}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" class=\"axis\">0</text>");
        for (var d = 0; d < days; d++)
        {
            var x = Left + (d * slot);
            var day = firstDay.AddDays(d);
            var numbers = string.Join(", ", stacked.Select(s => $"{s.Name} {s.Values[d]}").Concat(marks is null ? [] : [$"{marks.Name} {marks.Values[d]}"]));
            sb.Append(CultureInfo.InvariantCulture, $"<g><title>{day:yyyy-MM-dd}: {Html.Encode(numbers)}</title>");
            var y = (double)(Top + plotHeight);
            foreach (var series in stacked)
            {
                var h = series.Values[d] * plotHeight / (double)max;
                if (h > 0)
                {
                    y -= h;
                    sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 1:0.#}\" y=\"{y:0.#}\" width=\"{slot - 2:0.#}\" height=\"{h:0.#}\" fill=\"{series.Colour}\"/>");
                }
            }

            if (marks is not null && marks.Values[d] > 0)
            {
                var my = Top + plotHeight - (marks.Values[d] * plotHeight / (double)max);
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{my - 1:0.#}\" width=\"{slot:0.#}\" height=\"2\" fill=\"{marks.Colour}\"/>");
            }

            // An invisible full-height target, so the day's numbers show on hover over an empty day too.
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{Top}\" width=\"{slot:0.#}\" height=\"{plotHeight}\" fill=\"transparent\"/></g>");
            if ((days - 1 - d) % labelStep == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (slot / 2):0.#}\" y=\"{Height - 6}\" text-anchor=\"middle\" class=\"axis\">{day:MM-dd}</text>");
            }
        }

        sb.Append("</svg><p class=\"legend\">");
        foreach (var series in marks is null ? stacked : [marks, .. stacked])
        {
            sb.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{series.Colour}\"></i>{Html.Encode(series.Name)}: {series.Total}</span> ");
        }

        sb.Append("</p>").Append(Table(firstDay, marks is null ? stacked : [marks, .. stacked])).Append("</figure>");
        return sb.ToString();
    }

    private static string Table(DateOnly firstDay, IReadOnlyList<DailySeries> series)
    {
        var sb = new StringBuilder("<details><summary>Numbers</summary><table><thead><tr><th>day</th>");
        foreach (var s in series)
        {
            sb.Append("<th>").Append(Html.Encode(s.Name)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        for (var d = series[0].Values.Count - 1; d >= 0; d--)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{firstDay.AddDays(d):yyyy-MM-dd}</td>");
            foreach (var s in series)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td>{s.Values[d]}</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table></details>").ToString();
    }
}
