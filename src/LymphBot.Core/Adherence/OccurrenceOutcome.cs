namespace LymphBot.Core.Adherence;

/// <summary>How one occurrence of a routine ended, or why a day it would have fired does not count against a streak.</summary>
public enum OccurrenceOutcome
{
    Done,

    /// <summary>Done after at least one snooze.</summary>
    SnoozedThenDone,

    /// <summary>The member pressed Skip: a decision, not a lapse, but it does break a streak.</summary>
    Skipped,

    /// <summary>Not ticked by the end of its local day (see <see cref="IOutcomeStore.CloseMissedAsync"/>).</summary>
    Missed,

    /// <summary>A rest day the member planned (<c>/remind rest</c>): nothing is sent, and the streak holds.</summary>
    Rest,

    /// <summary>The reminder was paused that day: nothing was sent, and the streak holds.</summary>
    Paused,
}
