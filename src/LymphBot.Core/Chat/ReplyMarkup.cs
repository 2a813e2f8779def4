using System.Text;

namespace LymphBot.Core.Chat;

/// <summary>
/// The light markup of <see cref="Reply.Text"/>: <c>**bold**</c>, <c>`code`</c>, and a backslash escaping the
/// next character. Adapters call <see cref="Parse"/> and render each span with their own escaping, so no text
/// from a user or the knowledge base can inject platform formatting.
/// </summary>
public static class ReplyMarkup
{
    /// <summary>Escapes text so it renders literally: the markup characters and the backslash get a backslash.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('*', '`', '\\') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '*' or '`' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
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

    private static void Flush(List<MarkupSpan> spans, StringBuilder current, MarkupStyle style)
    {
        if (current.Length > 0)
        {
            spans.Add(new MarkupSpan(current.ToString(), style));
            current.Clear();
        }
    }
}
