namespace LymphBot.Core.Commands;

/// <summary>What a command parameter accepts; the parser checks it and each platform renders it natively.</summary>
public enum ParameterKind
{
    /// <summary>Free text; the last parameter of a command takes the rest of the line.</summary>
    Text,

    /// <summary>The number of something the member can see in a list: a reminder, a tip, a suggestion (<c>3</c> or <c>#3</c>).</summary>
    Id,

    /// <summary>A whole number in a range, such as how many days to pause.</summary>
    Count,

    /// <summary>A time of day: <c>8:00</c>, <c>8am</c>, <c>8:30 pm</c>, <c>20:30</c>.</summary>
    TimeOfDay,

    /// <summary>An IANA time zone (or UTC), read to its canonical name.</summary>
    TimeZone,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary>
    /// One word naming something the bot lists whose set can change while it runs, such as a program (<c>gentle-7</c>):
    /// letters, digits and hyphens, read in lower case. Unlike <see cref="Text"/> it may stand before other parameters.
    /// </summary>
    Name,

    /// <summary>
    /// When a reminder fires, in words over one or more words: a time (<c>8:00</c>), or a schedule
    /// (<c>weekdays 7:30</c>, <c>every 2 days at 9:00</c>, <c>tomorrow 9am</c>), read by <see cref="Scheduling.ScheduleParser"/>.
    /// </summary>
    Schedule,

    /// <summary>
    /// A day: <c>today</c>, <c>tomorrow</c> or an ISO date (<c>2026-12-24</c>), read to a <see cref="Scheduling.ScheduleDate"/>
    /// that the command resolves in the member's zone. One word, so it may stand before other parameters.
    /// </summary>
    Date,
}
