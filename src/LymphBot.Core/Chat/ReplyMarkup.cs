using System.Globalization;
using System.Text;

namespace LymphBot.Core.Chat;

/// <summary>
/// The light markup of <see cref="Reply.Text"/>: <c>**bold**</c>, <c>`code`</c>, a time made by <see cref="Time"/>,
/// and a backslash escaping the next character. Adapters call <see cref="Parse"/> and render each span with their own escaping, so no text
/// from a user or the knowledge base can inject platform formatting.
/// </summary>
public static class ReplyMarkup
{
    private const string TimeOpening = "<t:";

    private static readonly string[] TimeFormatLetters = ["t", "f", "F"];

    /// <summary>
    /// Escapes text so it renders literally: the markup characters and the backslash get a backslash, and so does the
    /// <c>&lt;</c> of anything shaped like a time, so a member's text can never become one.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('*', '`', '\\') < 0 && !text.Contains(TimeOpening, StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '*' or '`' or '\\' || (c == '<' && string.CompareOrdinal(text, i, TimeOpening, 0, TimeOpening.Length) == 0))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// An instant that each reader sees in their own zone where the platform can show it so, and as
    /// <paramref name="fallback"/> elsewhere (the console, a platform without it): so the fallback names its zone
    /// ("Tue 8 Dec 19:00 Europe/Berlin"). It may not contain <c>|</c> or <c>&gt;</c>.
    /// </summary>
    public static string Time(DateTimeOffset instant, string fallback, ReaderTimeFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fallback);
        if (fallback.AsSpan().IndexOfAny('|', '>') >= 0)
        {
            throw new ArgumentException("A time's fallback text cannot contain '|' or '>'.", nameof(fallback));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{TimeOpening}{instant.ToUnixTimeSeconds()}:{TimeFormatLetters[(int)format]}|{fallback}>");
    }

    /// <summary>Splits marked-up text into spans of plain, bold and code text. Unclosed markers are literal.</summary>
    public static IReadOnlyList<MarkupSpan> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<MarkupSpan>();
        var current = new StringBuilder();
        var style = MarkupStyle.Plain;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (style == MarkupStyle.Plain && c == '<' && TryReadTime(text, i) is ({ } time, var end))
            {
                Flush(spans, current, style);
                spans.Add(time);
                i = end;
            }
            else if (style != MarkupStyle.Code && c == '*' && i + 1 < text.Length && text[i + 1] == '*'
                && (style == MarkupStyle.Bold || text.IndexOf("**", i + 2, StringComparison.Ordinal) > i + 2))
            {
                Flush(spans, current, style);
                style = style == MarkupStyle.Bold ? MarkupStyle.Plain : MarkupStyle.Bold;
                i++;
            }
            else if (style != MarkupStyle.Bold && c == '`'
                && (style == MarkupStyle.Code || text.IndexOf('`', i + 1) > i + 1))
            {
                Flush(spans, current, style);
                style = style == MarkupStyle.Code ? MarkupStyle.Plain : MarkupStyle.Code;
            }
            else
            {
                current.Append(c);
            }
        }

        Flush(spans, current, style);
        return spans;
    }

    /// <summary>The text as a reader sees it, markup removed (console, logs, length checks).</summary>
    public static string ToPlainText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var span in Parse(text))
        {
            sb.Append(span.Text);
        }

        return sb.ToString();
    }

    /// <summary>The time token <c>&lt;t:UNIX:f|fallback&gt;</c> starting at <paramref name="start"/>, and the index of its <c>&gt;</c>.</summary>
    private static (MarkupSpan? Span, int End) TryReadTime(string text, int start)
    {
        if (string.CompareOrdinal(text, start, TimeOpening, 0, TimeOpening.Length) != 0)
        {
            return (null, start);
        }

        var colon = text.IndexOf(':', start + TimeOpening.Length);
        var bar = text.IndexOf('|', start + TimeOpening.Length);
        var end = text.IndexOf('>', start + TimeOpening.Length);
        if (colon < 0 || bar != colon + 2 || end <= bar + 1
            || !long.TryParse(text.AsSpan(start + TimeOpening.Length, colon - start - TimeOpening.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unix))
        {
            return (null, start);
        }

        var format = Array.IndexOf(TimeFormatLetters, text.Substring(colon + 1, 1));
        if (format < 0)
        {
            return (null, start);
        }

        var fallback = text[(bar + 1)..end];
        return (new MarkupSpan(fallback, MarkupStyle.Time) { Time = new ReaderTime(unix, (ReaderTimeFormat)format) }, end);
    }

    private static void Flush(List<MarkupSpan> spans, StringBuilder current, MarkupStyle style)
    {
        if (current.Length > 0)
        {
            spans.Add(new MarkupSpan(current.ToString(), style));
            current.Clear();
        }
    }
}
