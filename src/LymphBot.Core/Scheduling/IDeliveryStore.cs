namespace LymphBot.Core.Scheduling;

/// <summary>The durable outbox of reminder occurrences, drained by <see cref="ReminderSender"/>.</summary>
public interface IDeliveryStore
{
    /// <summary>Writes an occurrence unless one exists for the same subscription, local date and kind; returns whether it did.</summary>
    Task<bool> EnqueueAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Writes many occurrences in one transaction (a slot's fan-out); returns how many were new.</summary>
    Task<int> EnqueueManyAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Records the outcomes of a sent batch in one transaction.</summary>
    Task CompleteManyAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> pending deliveries due by <paramref name="now"/>, oldest first, atomically.</summary>
    Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records an outcome; <paramref name="retryAt"/> puts it back to pending for a later attempt.</summary>
    Task CompleteAsync(long id, DeliveryState state, int attempts, string? reason, DateTimeOffset at, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Deliveries claimed before <paramref name="claimedBefore"/> whose sender died go back to pending.</summary>
    Task<int> ReleaseStaleAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken);

    Task<Delivery?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Whether the occurrence was already written.</summary>
    Task<bool> ExistsAsync(long subscriptionId, DateOnly localDate, DeliveryKind kind, CancellationToken cancellationToken);

    /// <summary>The most recent delivery of a subscription, for <c>/reminders</c>.</summary>
    Task<Delivery?> LatestAsync(long subscriptionId, CancellationToken cancellationToken);

    /// <summary>Skips the subscription's pending deliveries of a local date (Done pressed).</summary>
    Task<int> SkipPendingAsync(long subscriptionId, DateOnly localDate, string reason, CancellationToken cancellationToken);

    /// <summary>When the next pending delivery is due, if any.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
