namespace LymphBot.Core.Scheduling;

/// <summary>Where occurrences enter the outbox (the slot fan-out, a snooze) and leave it unsent (Done pressed).</summary>
public interface IOccurrenceStore
{
    /// <summary>
    /// Writes occurrences in one transaction, skipping any that exist for the same subscription, local date and kind;
    /// returns how many were new.
    /// </summary>
    Task<int> EnqueueManyAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Whether the occurrence was already written.</summary>
    Task<bool> ExistsAsync(long subscriptionId, DateOnly localDate, DeliveryKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// A Snooze press: writes <paramref name="snooze"/> and skips its day's pending follow-ups (with <paramref name="reason"/>)
    /// in one transaction, so a crash leaves both or neither; <c>false</c>, changing nothing, when that snooze exists already.
    /// </summary>
    Task<bool> SnoozeAsync(Delivery snooze, string reason, CancellationToken cancellationToken);
}
