using System.Text;
using LymphBot.Core.Chat;
using Telegram.Bot.Types.ReplyMarkups;

namespace LymphBot.Telegram.Mapping;

/// <summary>
/// Renders Core's <see cref="Reply"/> as Telegram HTML: every span escaped, bold and code as tags, the citation
/// as an italic "Source:" line, split into messages of at most 4,096 visible characters at paragraph, then line,
/// then word boundaries, so no tag is ever cut in half.
/// </summary>
public static class TelegramRendering
{
    /// <summary>Telegram's limit: 1–4096 characters after entities parsing.</summary>
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<TelegramMessagePart> Render(Reply reply, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var segments = new List<(string Text, string? Tag)>();
        foreach (var span in Core.Chat.ReplyMarkup.Parse(reply.Text))
        {
            segments.Add((span.Text, span.Style switch
            {
                MarkupStyle.Bold => "b",
                MarkupStyle.Code => "code",
                _ => null,
            }));
        }

        if (!string.IsNullOrWhiteSpace(reply.Citation))
        {
            segments.Add(("\n", null));
            segments.Add(("Source: " + reply.Citation.Trim(), "i"));
        }

        var plain = string.Concat(segments.Select(s => s.Text));
        var parts = new List<TelegramMessagePart>();
        foreach (var (start, end) in Split(plain, maxLength))
        {
            parts.Add(new TelegramMessagePart(RenderHtml(segments, start, end), plain[start..end]));
        }

        return parts;
    }

    /// <summary>Escapes the three characters Telegram's HTML parse mode treats specially.</summary>
    public static string EscapeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Rows of buttons as an inline keyboard whose callback data is the button's id; <c>null</c> when none.</summary>
    public static InlineKeyboardMarkup? ToKeyboard(IReadOnlyList<IReadOnlyList<ReplyButton>> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var rows = buttons.Where(r => r.Count > 0).ToList();
        return rows.Count == 0
            ? null
            : new InlineKeyboardMarkup(rows.Select(r => r.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));
    }

    /// <summary>Ranges of <paramref name="text"/>, each at most <paramref name="maxLength"/> long, whitespace at the cuts dropped.</summary>
    internal static IReadOnlyList<(int Start, int End)> Split(string text, int maxLength)
    {
        var ranges = new List<(int, int)>();
        var pos = 0;
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                return ranges;
            }

            var end = text.Length - pos <= maxLength ? text.Length : FindCut(text, pos, pos + maxLength);
            var trimmedEnd = end;
            while (trimmedEnd > pos && char.IsWhiteSpace(text[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            ranges.Add((pos, trimmedEnd));
            pos = end;
        }
    }

    private static int FindCut(string text, int start, int limit)
    {
        // The part is [start, cut); the separator at cut is dropped by the caller.
        for (var i = limit; i > start; i--)
        {
            if (text[i] == '\n' && text[i - 1] == '\n')
            {
                return i - 1;
            }
        }

        for (var i = limit; i > start; i--)
        {
            if (text[i] == '\n')
            {
                return i;
            }
        }

        for (var i = limit; i > start; i--)
        {
            if (text[i] == ' ')
            {
                return i;
            }
        }

        // One unbroken word longer than a message: cut it, but never between the halves of a surrogate pair.
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    private static string RenderHtml(List<(string Text, string? Tag)> segments, int start, int end)
    {
        var sb = new StringBuilder();
        var offset = 0;
        foreach (var (text, tag) in segments)
        {
            var from = Math.Max(start, offset);
            var to = Math.Min(end, offset + text.Length);
            if (from < to)
            {
                var escaped = EscapeHtml(text.Substring(from - offset, to - from));
                sb.Append(tag is null ? escaped : $"<{tag}>{escaped}</{tag}>");
            }

            offset += text.Length;
        }

        return sb.ToString();
    }
}
