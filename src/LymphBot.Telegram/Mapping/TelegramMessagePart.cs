namespace LymphBot.Telegram.Mapping;

/// <summary>
/// One sendMessage worth of a reply: <see cref="Html"/> for parse mode HTML, and the same visible text without
/// formatting, sent instead when Telegram cannot parse the HTML.
/// </summary>
public sealed record TelegramMessagePart(string Html, string PlainText);
