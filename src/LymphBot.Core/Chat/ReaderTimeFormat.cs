namespace LymphBot.Core.Chat;

/// <summary>How much of a <see cref="ReaderTime"/> a platform that shows it in the reader's own zone should show.</summary>
public enum ReaderTimeFormat
{
    /// <summary>The time of day only (Discord <c>:t</c>, Telegram <c>t</c>).</summary>
    Time,

    /// <summary>The date and the time (Discord <c>:f</c>, Telegram <c>dt</c>).</summary>
    DateTime,

    /// <summary>The weekday, the date and the time (Discord <c>:F</c>, Telegram <c>wdt</c>): for schedules chosen by weekday.</summary>
    DayAndTime,
}
