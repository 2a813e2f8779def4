using LymphBot.Core.Chat;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LymphBot.Telegram.Mapping;

/// <summary>
/// Core's spans as Telegram message entities over their plain text: bold, code, and a time as the Bot API's date-time
/// entity, which Telegram shows in the reader's own zone and locale; its text, which names the zone ("Tue 8 Dec 19:00
/// Europe/Berlin"), is what a client without it shows. Offsets and lengths are in UTF-16 code units, as .NET strings are.
/// </summary>
public static class TelegramEntities
{
    public static IReadOnlyList<MessageEntity> For(IReadOnlyList<MarkupSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var entities = new List<MessageEntity>();
        var offset = 0;
        foreach (var span in spans)
        {
            if (span.Text.Length > 0 && Entity(span, offset) is { } entity)
            {
                entities.Add(entity);
            }

            offset += span.Text.Length;
        }

        return entities;
    }

    public static MessageEntity Italic(int offset, int length) => new() { Type = MessageEntityType.Italic, Offset = offset, Length = length };

    /// <summary>The Bot API's date_time_format: w weekday, d short date, t short time.</summary>
    public static string DateTimeFormat(ReaderTimeFormat format) => format switch
    {
        ReaderTimeFormat.Time => "t",
        ReaderTimeFormat.DateTime => "dt",
        _ => "wdt",
    };

    private static MessageEntity? Entity(MarkupSpan span, int offset) => span switch
    {
        { Style: MarkupStyle.Bold } => new() { Type = MessageEntityType.Bold, Offset = offset, Length = span.Text.Length },
        { Style: MarkupStyle.Code } => new() { Type = MessageEntityType.Code, Offset = offset, Length = span.Text.Length },
        { Style: MarkupStyle.Time, Time: { } time } => new()
        {
            Type = MessageEntityType.DateTime,
            Offset = offset,
            Length = span.Text.Length,
            UnixTime = DateTimeOffset.FromUnixTimeSeconds(time.UnixSeconds).UtcDateTime,
            DateTimeFormat = DateTimeFormat(time.Format),
        },
        _ => null,
    };
}
