using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// The member's own words for a reminder (<c>evening drainage</c>): one line, at most <see cref="MaxLength"/>
/// characters, and always shown escaped, since it is the member's text inside the bot's markup.
/// </summary>
public static class ReminderLabel
{
    public const int MaxLength = ScheduleParser.MaxLabelLength;

    /// <summary>The label as stored (whitespace runs and line breaks become one space), or one line saying it is too long.</summary>
    public static (string? Label, string? Error) Read(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, null);
        }

        var label = string.Join(' ', typed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return label.Length > MaxLength
            ? (null, ScheduleParser.Sentence($"that label has {label.Length} characters; keep it to {MaxLength} or fewer", ScheduleParser.Example))
            : (label, null);
    }

    /// <summary><c> — “evening drainage”</c>, escaped, or nothing when there is no label.</summary>
    public static string Quoted(string? label) => string.IsNullOrEmpty(label) ? string.Empty : $" — “{ReplyMarkup.Escape(label)}”";
}
