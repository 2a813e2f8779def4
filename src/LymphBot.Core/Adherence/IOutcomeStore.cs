using LymphBot.Core.Chat;

namespace LymphBot.Core.Adherence;

/// <summary>
/// How each occurrence of a member's routine ended, one row per subscription and local date, next to the outbox that
/// delivered it. The member's presses write Done, Skipped and Snoozed-then-Done; the slot fan-out writes Missed.
/// </summary>
public interface IOutcomeStore
{
    /// <summary>Stores the outcome of <paramref name="subscriptionId"/> on <paramref name="localDate"/>, replacing an earlier one that day.</summary>
    Task RecordAsync(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The outcomes of one subscription from <paramref name="from"/> on, oldest first.</summary>
    Task<IReadOnlyList<OutcomeRecord>> ListAsync(long subscriptionId, DateOnly from, CancellationToken cancellationToken);

    /// <summary>
    /// The rule for Missed: an occurrence of a routine in the (zone, time) slot that was written to the outbox for a local
    /// date before <paramref name="today"/> and has no outcome is stored as Missed. The slot's fan-out calls it each time
    /// it runs, so a day is closed when the slot next fires; readers show an open day before today as missed already.
    /// </summary>
    Task<int> CloseMissedAsync(string timeZone, TimeOnly localTime, DateOnly today, DateTimeOffset at, CancellationToken cancellationToken);
}
