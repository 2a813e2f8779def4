namespace LymphBot.Core.Adherence;

public static class OutcomeStoreExtensions
{
    /// <summary>The stored outcome of one occurrence; <c>null</c> while it is open.</summary>
    public static async Task<OccurrenceOutcome?> FindAsync(this IOutcomeStore store, long subscriptionId, DateOnly localDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.ListAsync(subscriptionId, localDate, cancellationToken)).FirstOrDefault(o => o.LocalDate == localDate)?.Outcome;
    }

    /// <summary>The member said Done or Skip: no snooze or follow-up of that occurrence goes out any more.</summary>
    public static bool IsTicked(this OccurrenceOutcome? outcome) =>
        outcome is OccurrenceOutcome.Done or OccurrenceOutcome.SnoozedThenDone or OccurrenceOutcome.Skipped;

    /// <summary>
    /// No snooze or follow-up of the occurrence goes out once its day has any stored outcome: ticked, a rest day, stored
    /// Missed (its next occurrence has fired, and its buttons no longer work) or Paused (the routine was paused that day).
    /// </summary>
    public static bool EndsNudges(this OccurrenceOutcome? outcome) => outcome is not null;
}
