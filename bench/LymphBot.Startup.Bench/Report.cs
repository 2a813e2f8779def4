using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LymphBot.Startup.Bench;

/// <summary>
/// The figures as a table (case, metric, value, note) plus free sections (the host's timeline), printed and written
/// to RESULTS.md beside the project. Hand-written analysis below <see cref="Marker"/> survives a re-run.
/// </summary>
internal sealed class Report
{
    public const string Marker = "<!-- analysis: kept across runs -->";

    private readonly List<string[]> _rows = [];
    private readonly List<(string Title, string Body)> _sections = [];

    /// <summary>The machine, and how busy it was when the bench began (others build on the same two cores).</summary>
    public string Machine { get; } =
        $"{Environment.ProcessorCount} cores (nproc), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}; " +
        $"1-minute load average at the start {File.ReadAllText("/proc/loadavg").Split(' ')[0]}";

    public void Add(string scenario, string metric, string value, string note = "") => _rows.Add([scenario, metric, value, note]);

    public void Section(string title, string body) => _sections.Add((title, body));

    public string Table()
    {
        string[] header = ["Case", "Metric", "Value", "Target / note"];
        var widths = header.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in (IEnumerable<string[]>)[header, [.. widths.Select(w => new string('-', w))], .. _rows])
        {
            text.Append("| ").AppendJoin(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))).Append(" |\n");
        }

        return text.ToString();
    }

    public async Task WriteAsync(string path, string command, DateTimeOffset started, TimeSpan elapsed)
    {
        var text = new StringBuilder("# LymphBot start-up and idle memory\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Date: {started:yyyy-MM-dd HH:mm} UTC (run took {elapsed.TotalSeconds:N0} s)\n");
        text.Append(CultureInfo.InvariantCulture, $"- Machine: {Machine}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Command: `{command}`\n\n");
        text.Append(Table()).Append('\n');
        foreach (var (title, body) in _sections)
        {
            text.Append("## ").Append(title).Append("\n\n").Append(body).Append('\n');
        }

        var previous = File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;
        var at = previous.IndexOf(Marker, StringComparison.Ordinal);
        text.Append('\n').Append(at >= 0 ? previous[at..] : Marker + "\n");
        await File.WriteAllTextAsync(path, text.ToString());
    }
}
