using System.Globalization;
using System.Text;

namespace LymphBot.Dashboard;

/// <summary>
/// A grid of counts as inline SVG: one row per label, one column per hour, each cell shaded by its share of the
/// largest count and titled with its number, and a table of every number under &lt;details&gt;, readable without
/// JavaScript or colour.
/// </summary>
public static class SvgHeatMap
{
    private const int Left = 170;
    private const int Top = 18;
    private const int Cell = 22;
    private const int RowHeight = 20;

    public static string Render(string title, IReadOnlyList<string> rows, IReadOnlyList<IReadOnlyList<long>> counts)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(counts);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><figcaption>{Html.Encode(title)}</figcaption>");
        if (rows.Count == 0)
        {
            return sb.Append("<p>No active reminders.</p></figure>").ToString();
        }

        var max = Math.Max(1, counts.Max(r => r.Max()));
        var width = Left + (24 * Cell);
        var height = Top + (rows.Count * RowHeight) + 4;
        sb.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var hour = 0; hour < 24; hour += 3)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (hour * Cell) + (Cell / 2)}\" y=\"12\" text-anchor=\"middle\" class=\"axis\">{hour:00}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = Top + (r * RowHeight);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 14}\" text-anchor=\"end\" class=\"axis\">{Html.Encode(rows[r])}</text>");
            for (var hour = 0; hour < 24; hour++)
            {
                var count = counts[r][hour];
                var x = Left + (hour * Cell);

                // Empty cells stay pale grey; any count is at least faintly blue, so one reminder is not lost.
                var fill = count == 0 ? "#f3f3f3" : Blue(0.15 + (0.85 * count / max));
                sb.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{Cell - 2}\" height=\"{RowHeight - 2}\" fill=\"{fill}\"><title>{Html.Encode(rows[r])} {hour:00}:00-{hour:00}:59: {count}</title></rect>");
            }
        }

        sb.Append("</svg>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"legend\">Darkest: {max} reminders in one zone and hour. Total: {counts.Sum(r => r.Sum())}.</p>");
        return sb.Append(Table(rows, counts)).Append("</figure>").ToString();
    }

    /// <summary>From white to #1565c0 by <paramref name="share"/> (0 to 1).</summary>
    private static string Blue(double share)
    {
        static int Mix(int to, double s) => (int)Math.Round(255 - ((255 - to) * s));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(0x15, share):x2}{Mix(0x65, share):x2}{Mix(0xc0, share):x2}");
    }

    private static string Table(IReadOnlyList<string> rows, IReadOnlyList<IReadOnlyList<long>> counts)
    {
        var sb = new StringBuilder("<details><summary>Numbers</summary><table><thead><tr><th>zone</th>");
        for (var hour = 0; hour < 24; hour++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{hour:00}</th>");
        }

        sb.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            sb.Append("<tr><td>").Append(Html.Encode(rows[r])).Append("</td>");
            foreach (var count in counts[r])
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td>{count}</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table></details>").ToString();
    }
}
