namespace LymphBot.Core.Scheduling;

public enum ReminderKind
{
    /// <summary>A member's daily routine reminder.</summary>
    Routine,

    /// <summary>A chat's tip of the day, set up by a moderator.</summary>
    TipOfTheDay,

    /// <summary>A member's weekly recap of their routines (<c>/progress weekly on</c>), at most one per member.</summary>
    WeeklyRecap,

    /// <summary>
    /// A member's course on a program (<c>/program join</c>): one step a day for the program's days, then a summary the
    /// day after, as a schedule with a first and a last date; managed by <c>/program</c>, not listed by <c>/reminders</c>.
    /// </summary>
    Program,
}
