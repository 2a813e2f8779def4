namespace LymphBot.Core.Chat;

/// <summary>
/// An instant that a platform able to show times in each reader's own zone renders that way (Discord's
/// <c>&lt;t:…&gt;</c>, Telegram's date-time entity); elsewhere its span's text, which names the zone, is shown.
/// </summary>
public readonly record struct ReaderTime(long UnixSeconds, ReaderTimeFormat Format);
