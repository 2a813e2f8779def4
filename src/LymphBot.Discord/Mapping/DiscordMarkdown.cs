using System.Text;
using LymphBot.Core.Chat;

namespace LymphBot.Discord.Mapping;

/// <summary>
/// Renders Core's light markup as Discord markdown: plain text escaped so it shows literally (no formatting,
/// links, headings, quotes or mention pills), bold as <c>**…**</c>, code as <c>`…`</c>. Long texts are split at
/// paragraph, then line, then word boundaries, each chunk complete markdown on its own.
/// </summary>
internal static class DiscordMarkdown
{
    public const int MaxMessageLength = 2000;

    private const char ZeroWidthSpace = '\u200B';
    private static readonly string[] Separators = ["\n\n", "\n", " "];

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendEscaped(sb, text);
        return sb.ToString();
    }

    public static string Render(IReadOnlyList<MarkupSpan> spans)
    {
        var sb = new StringBuilder();
        foreach (var span in spans)
        {
            switch (span.Style)
            {
                case MarkupStyle.Bold when span.Text.Trim().Length > 0:
                    sb.Append("**");
                    AppendEscaped(sb, span.Text);
                    sb.Append("**");
                    break;
                case MarkupStyle.Code when span.Text.Replace("`", string.Empty, StringComparison.Ordinal).Trim().Length > 0:
                    // Code spans show their content literally, so nothing inside is escaped; a backtick would end it.
                    sb.Append('`').Append(span.Text.Replace("`", string.Empty, StringComparison.Ordinal)).Append('`');
                    break;
                default:
                    AppendEscaped(sb, span.Text);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Renders marked-up text in chunks of at most <paramref name="limit"/> characters.</summary>
    public static IReadOnlyList<string> RenderChunks(string markup, int limit = MaxMessageLength)
    {
        var chunks = new List<string>();
        Pack(ReplyMarkup.Parse(markup), 0, limit, chunks);
        if (chunks.Count == 0)
        {
            chunks.Add(string.Empty);
        }

        return chunks;
    }

    private static void Pack(IReadOnlyList<MarkupSpan> spans, int level, int limit, List<string> chunks)
    {
        var whole = Render(spans);
        if (whole.Length <= limit)
        {
            if (whole.Trim().Length > 0)
            {
                chunks.Add(whole);
            }

            return;
        }

        if (level == Separators.Length)
        {
            HardSplit(spans, limit, chunks);
            return;
        }

        var separator = Separators[level];
        var current = new StringBuilder();
        foreach (var part in SplitSpans(spans, separator))
        {
            var rendered = Render(part);
            if (rendered.Trim().Length == 0)
            {
                continue;
            }

            if (rendered.Length > limit)
            {
                Flush(current, chunks);
                Pack(part, level + 1, limit, chunks);
            }
            else if (current.Length == 0)
            {
                current.Append(rendered);
            }
            else if (current.Length + separator.Length + rendered.Length <= limit)
            {
                current.Append(separator).Append(rendered);
            }
            else
            {
                Flush(current, chunks);
                current.Append(rendered);
            }
        }

        Flush(current, chunks);
    }

    private static void Flush(StringBuilder current, List<string> chunks)
    {
        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
            current.Clear();
        }
    }

    private static List<List<MarkupSpan>> SplitSpans(IReadOnlyList<MarkupSpan> spans, string separator)
    {
        var parts = new List<List<MarkupSpan>> { new() };
        foreach (var span in spans)
        {
            var pieces = span.Text.Split(separator);
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    parts.Add([]);
                }

                if (pieces[i].Length > 0)
                {
                    parts[^1].Add(span with { Text = pieces[i] });
                }
            }
        }

        return parts;
    }

    private static void HardSplit(IReadOnlyList<MarkupSpan> spans, int limit, List<string> chunks)
    {
        // Escaping at most doubles a character and bold adds four, so this many source characters always fit.
        var size = Math.Max(1, (limit - 8) / 2);
        foreach (var span in spans)
        {
            var start = 0;
            while (start < span.Text.Length)
            {
                var end = Math.Min(span.Text.Length, start + size);
                if (end < span.Text.Length && end - start > 1 && char.IsHighSurrogate(span.Text[end - 1]))
                {
                    end--;
                }

                chunks.Add(Render([span with { Text = span.Text[start..end] }]));
                start = end;
            }
        }
    }

    private static void AppendEscaped(StringBuilder sb, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '<' or '#' or '-' or '[' or ']' or '(' or ')':
                    sb.Append('\\').Append(c);
                    break;
                case '@' when StartsWithWord(text, i + 1, "everyone") || StartsWithWord(text, i + 1, "here"):
                    // Shown as typed, but it can never ping (allowed_mentions is empty too).
                    sb.Append('@').Append(ZeroWidthSpace);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }

    private static bool StartsWithWord(string text, int index, string word) =>
        string.CompareOrdinal(text, index, word, 0, word.Length) == 0;
}
