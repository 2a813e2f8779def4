using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LymphBot.Reminders.Bench;

/// <summary>The results table: printed, and written to RESULTS.md beside the project.</summary>
internal sealed class Results
{
    private readonly List<(string Scenario, string Store, string Metric, string Value, string Note)> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(string scenario, string store, string metric, string value, string note = "") =>
        _rows.Add((scenario, store, metric, value, note));

    public void Note(string note) => _notes.Add(note);

    public static string Machine =>
        $"{Environment.ProcessorCount} cores (nproc), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, " +
        $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    public string Table()
    {
        string[] header = ["Scenario", "Store", "Metric", "Value", "Target / note"];
        var cells = _rows.Select(r => new[] { r.Scenario, r.Store, r.Metric, r.Value, r.Note }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, header, widths);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).Append("|\n");
        foreach (var row in cells)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    public string Markdown(string command, DateTimeOffset started, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.Append("# LymphBot reminders load test\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Date: {started:yyyy-MM-dd HH:mm} UTC (run took {elapsed.TotalSeconds:N0} s)\n");
        text.Append(CultureInfo.InvariantCulture, $"- Machine: {Machine}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Command: `{command}`\n\n");
        text.Append(Table()).Append('\n');
        if (_notes.Count > 0)
        {
            text.Append("## Notes\n\n");
            foreach (var note in _notes)
            {
                text.Append("- ").Append(note).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] row, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < row.Length; i++)
        {
            text.Append(' ').Append(row[i].PadRight(widths[i])).Append(" |");
        }

        text.Append('\n');
    }
}
