using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LymphBot.Faults.Bench;

/// <summary>
/// One run's figures as a table (metric, value, target) with notes, printed and written to RESULTS.md beside the
/// project: the newest run goes first under <see cref="Marker"/>, earlier runs and the text above it are kept.
/// </summary>
internal sealed class FaultReport
{
    public const string Marker = "<!-- runs: newest first; the tool inserts each run below this line -->";

    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    public static string Machine =>
        $"{Environment.ProcessorCount} cores (nproc), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; " +
        $"1-minute load average at the start {File.ReadAllText("/proc/loadavg").Split(' ')[0]}";

    public void Add(string metric, string value, string target = "") => _rows.Add([metric, value, target]);

    public void Add(string metric, int value, string target = "") => Add(metric, value.ToString("N0", CultureInfo.InvariantCulture), target);

    public void Note(string note) => _notes.Add(note);

    public string Table()
    {
        string[] header = ["Metric", "Value", "Target / note"];
        var widths = header.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in (IEnumerable<string[]>)[header, [.. widths.Select(w => new string('-', w))], .. _rows])
        {
            text.Append("| ").AppendJoin(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))).Append(" |\n");
        }

        return text.ToString();
    }

    public string Notes() => string.Concat(_notes.Select(n => $"- {n}\n"));

    public async Task WriteAsync(string path, string command, DateTimeOffset started, TimeSpan elapsed)
    {
        var run = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"## Run of {started:yyyy-MM-dd HH:mm} UTC ({elapsed.TotalSeconds:N0} s)\n\n")
            .Append(CultureInfo.InvariantCulture, $"- Machine: {Machine}\n")
            .Append(CultureInfo.InvariantCulture, $"- Command: `{command}`\n\n")
            .Append(Table()).Append('\n').Append(Notes()).Append('\n');
        var previous = File.Exists(path) ? await File.ReadAllTextAsync(path) : $"# LymphBot fault run\n\n{Marker}\n";
        var at = previous.IndexOf(Marker, StringComparison.Ordinal);
        var text = at < 0 ? previous.TrimEnd() + $"\n\n{Marker}\n\n{run}" : previous.Insert(at + Marker.Length, "\n\n" + run.ToString().TrimEnd());
        await File.WriteAllTextAsync(path, text);
    }
}
