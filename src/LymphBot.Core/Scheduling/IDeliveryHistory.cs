namespace LymphBot.Core.Scheduling;

/// <summary>Deliveries as members look back on them: the one a button belongs to, a reminder's last one.</summary>
public interface IDeliveryHistory
{
    Task<Delivery?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The most recent delivery of a subscription, for <c>/reminders</c>.</summary>
    Task<Delivery?> LatestAsync(long subscriptionId, CancellationToken cancellationToken);
}
