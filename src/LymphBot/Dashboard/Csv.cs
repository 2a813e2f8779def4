using System.Text;

namespace LymphBot.Dashboard;

/// <summary>
/// CSV as RFC 4180 writes it (every cell quoted, quotes doubled, lines ending CRLF), safe to open in a spreadsheet: a
/// cell that starts with <c>= + - @</c>, a tab or a carriage return would be read as a formula there, so it gets a
/// leading apostrophe (OWASP's advice), which spreadsheets show as text.
/// </summary>
public static class Csv
{
    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static StringBuilder AppendLine(StringBuilder sb, params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(cells);
        return sb.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }
}
