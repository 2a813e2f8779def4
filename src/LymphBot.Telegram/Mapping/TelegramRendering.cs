using System.Text;
using LymphBot.Core.Chat;
using Telegram.Bot.Types.ReplyMarkups;
using TelegramReplyMarkup = Telegram.Bot.Types.ReplyMarkups.ReplyMarkup;

namespace LymphBot.Telegram.Mapping;

/// <summary>
/// Renders Core's <see cref="Reply"/> as Telegram HTML: every span escaped, bold and code as tags, the citation
/// as an italic "Source:" line, split by Core's <see cref="MarkupSplitter"/> into messages of at most 4,096 visible
/// characters, so no tag is ever cut in half. A part with a time in the reader's own zone also gets entities
/// (<see cref="TelegramEntities"/>), which the sender uses instead of the HTML.
/// </summary>
public static class TelegramRendering
{
    /// <summary>Telegram's limit: 1–4096 characters after entities parsing.</summary>
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<TelegramMessagePart> Render(Reply reply, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);

        // Telegram's limit counts what is shown after the HTML is parsed, so a piece is as long as its text.
        var parts = MarkupSplitter.Split(Core.Chat.ReplyMarkup.Parse(reply.Text), maxLength, MarkupSplitter.VisibleLength)
            .Select(piece => new TelegramMessagePart(RenderHtml(piece), string.Concat(piece.Select(s => s.Text)))
            {
                Entities = piece.Any(s => s.Style == MarkupStyle.Time) ? TelegramEntities.For(piece) : null,
            })
            .ToList();
        if (!string.IsNullOrWhiteSpace(reply.Citation))
        {
            var source = "Source: " + reply.Citation.Trim();
            source = source.Length > maxLength ? source[..(maxLength - 1)] + "…" : source;
            var line = new TelegramMessagePart("<i>" + EscapeHtml(source) + "</i>", source);
            if (parts.Count > 0 && parts[^1].PlainText.Length + 1 + source.Length <= maxLength)
            {
                var last = parts[^1];
                parts[^1] = new TelegramMessagePart(last.Html + "\n" + line.Html, last.PlainText + "\n" + source)
                {
                    Entities = last.Entities is null ? null : [.. last.Entities, TelegramEntities.Italic(last.PlainText.Length + 1, source.Length)],
                };
            }
            else
            {
                parts.Add(line);
            }
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

    /// <summary>
    /// What goes under a message: the inline buttons; else, in a private chat where Core asks for the member's location,
    /// a one-time reply keyboard whose button shares it (<c>request_location</c>); else its removal once that is
    /// answered. A message carries one of them, and the buttons win: Core never asks for both.
    /// </summary>
    public static TelegramReplyMarkup? ToReplyMarkup(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (ToKeyboard(reply.Buttons) is { } inline)
        {
            return inline;
        }

        if (reply.LocationRequest is { } label)
        {
            return new ReplyKeyboardMarkup(KeyboardButton.WithRequestLocation(label)) { ResizeKeyboard = true, OneTimeKeyboard = true };
        }

        return reply.EndsLocationRequest ? new ReplyKeyboardRemove() : null;
    }

    private static string RenderHtml(IReadOnlyList<MarkupSpan> spans)
    {
        var sb = new StringBuilder();
        foreach (var span in spans)
        {
            var escaped = EscapeHtml(span.Text);
            sb.Append(span.Style switch
            {
                MarkupStyle.Bold => $"<b>{escaped}</b>",
                MarkupStyle.Code => $"<code>{escaped}</code>",
                _ => escaped,
            });
        }

        return sb.ToString();
    }
}
