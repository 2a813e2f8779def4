using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Adherence;

/// <summary>
/// How each occurrence of a member's routine ended, one row per subscription and local date, next to the outbox that
/// delivered it. The member's presses write Done, Skipped and Snoozed-then-Done, and <c>/remind rest</c> a Rest ahead of
/// its day; the slot fan-out writes Missed and Paused.
/// </summary>
public interface IOutcomeStore
{
    /// <summary>Stores the outcome of <paramref name="subscriptionId"/> on <paramref name="localDate"/>, replacing an earlier one that day.</summary>
    Task RecordAsync(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Done, Skip or a rest day: stores the outcome as <see cref="RecordAsync"/> does and skips that day's pending deliveries
    /// (snoozes, follow-ups; with <paramref name="reason"/>) in one transaction, so a crash leaves both or neither; returns
    /// how many it skipped.
    /// </summary>
    Task<int> SettleAsync(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    /// <summary>The outcomes of one subscription from <paramref name="from"/> on, oldest first.</summary>
    Task<IReadOnlyList<OutcomeRecord>> ListAsync(long subscriptionId, DateOnly from, CancellationToken cancellationToken);

    /// <summary>
    /// The rule for Missed: an occurrence of a routine in the (zone, time) slot that was written to the outbox for a local
    /// date before <paramref name="today"/> and has no outcome is stored as Missed. The slot's fan-out calls it each time
    /// it runs, so a day is closed when the slot next fires; readers show an open day before today as missed already.
    /// </summary>
    Task<int> CloseMissedAsync(string timeZone, TimeOnly localTime, DateOnly today, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every stored outcome naming the member from <paramref name="from"/> on (all their routines, removed ones too), oldest first.</summary>
    Task<IReadOnlyList<OutcomeRecord>> ListForMemberAsync(ChatUser member, DateOnly from, CancellationToken cancellationToken);

    /// <summary>The subscriptions of the (zone, time) slot whose member planned <paramref name="localDate"/> as a rest day: the fan-out writes no occurrence for them.</summary>
    Task<IReadOnlySet<long>> ListRestingAsync(string timeZone, TimeOnly localTime, DateOnly localDate, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the rest day planned for <paramref name="subscriptionId"/> on <paramref name="localDate"/> (<c>/remind rest … off</c>);
    /// any other outcome that day stays. Returns whether there was one.
    /// </summary>
    Task<bool> CancelRestAsync(long subscriptionId, DateOnly localDate, CancellationToken cancellationToken);

    /// <summary>Stores Paused for each subscription on <paramref name="localDate"/> unless that day already has an outcome (a rest day stays one); returns how many were new.</summary>
    Task<int> RecordPausedAsync(IReadOnlyList<ReminderSubscription> paused, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken);
}
