namespace LymphBot.Core.Scheduling;

public enum ReminderKind
{
    /// <summary>A member's daily routine reminder.</summary>
    Routine,

    /// <summary>A chat's tip of the day, set up by a moderator.</summary>
    TipOfTheDay,

    /// <summary>A member's weekly recap of their routines (<c>/progress weekly on</c>), at most one per member.</summary>
    WeeklyRecap,
}
