using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;

namespace LymphBot.Discord.Mapping;

/// <summary>
/// Renders Core's light markup as Discord markdown: plain text escaped so it shows literally (no formatting,
/// links, headings, quotes or mention pills), bold as <c>**…**</c>, code as <c>`…`</c>, a time as <c>&lt;t:UNIX:F&gt;</c>. Long texts are split by Core's
/// <see cref="MarkupSplitter"/>, measured as rendered markdown, so each chunk is complete markdown on its own.
/// </summary>
internal static class DiscordMarkdown
{
    public const int MaxMessageLength = 2000;

    private const char ZeroWidthSpace = '\u200B';

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
                case MarkupStyle.Time when span.Time is { } time:
                    // Discord's timestamp markup: every reader sees the instant in their own zone and locale.
                    sb.Append("<t:").Append(time.UnixSeconds.ToString(CultureInfo.InvariantCulture)).Append(':').Append(TimestampStyle(time.Format)).Append('>');
                    break;
                default:
                    AppendEscaped(sb, span.Text);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Renders marked-up text in chunks of at most <paramref name="limit"/> characters of markdown.</summary>
    public static IReadOnlyList<string> RenderChunks(string markup, int limit = MaxMessageLength)
    {
        var chunks = MarkupSplitter.Split(ReplyMarkup.Parse(markup), limit, spans => Render(spans).Length).Select(Render).ToList();
        if (chunks.Count == 0)
        {
            chunks.Add(string.Empty);
        }

        return chunks;
    }

    private static char TimestampStyle(ReaderTimeFormat format) => format switch
    {
        ReaderTimeFormat.Time => 't',
        ReaderTimeFormat.DateTime => 'f',
        _ => 'F',
    };

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
