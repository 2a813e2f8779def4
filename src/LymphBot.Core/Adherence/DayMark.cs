namespace LymphBot.Core.Adherence;

/// <summary>How one local day of a routine went, as <c>/progress</c> and the weekly recap mark it.</summary>
public enum DayMark
{
    /// <summary>The routine had no reminder that day: not one of its days, or before it was made.</summary>
    NoReminder,

    Done,

    SnoozedThenDone,

    Skipped,

    /// <summary>Not ticked by the end of the day (stored Missed, or an earlier day still open).</summary>
    Missed,

    Rest,

    Paused,

    /// <summary>Today, not ticked yet: still to do, and not against the streak.</summary>
    Pending,
}
