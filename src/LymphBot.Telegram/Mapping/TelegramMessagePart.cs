using Telegram.Bot.Types;

namespace LymphBot.Telegram.Mapping;

/// <summary>
/// One sendMessage worth of a reply: <see cref="Html"/> for parse mode HTML, and the same visible text without
/// formatting, sent instead when Telegram cannot parse the HTML. A part that shows a time in the reader's own zone
/// carries <see cref="Entities"/> instead: <see cref="PlainText"/> with them is sent, since the date-time entity is
/// given as an entity (its unix time and format), not as HTML.
/// </summary>
public sealed record TelegramMessagePart(string Html, string PlainText)
{
    public IReadOnlyList<MessageEntity>? Entities { get; init; }
}
