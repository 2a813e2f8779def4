namespace LymphBot.Core.Scheduling;

/// <summary>The durable outbox as <see cref="ReminderSender"/> drains it: claim what is due, record what happened.</summary>
public interface IDeliveryOutbox
{
    /// <summary>Claims up to <paramref name="max"/> pending deliveries due by <paramref name="now"/>, oldest first, atomically.</summary>
    Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records outcomes in one transaction; an outcome with a retry time puts its delivery back to pending.</summary>
    Task CompleteManyAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>Deliveries claimed before <paramref name="claimedBefore"/> whose sender died go back to pending.</summary>
    Task<int> ReleaseStaleAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken);
}
