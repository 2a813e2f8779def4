namespace LymphBot.Dashboard;

/// <summary>
/// The outbox of one platform now: due and waiting to be claimed, claimed by a sender and not yet recorded, and due
/// later (retries and the next reminders), with how long the oldest waiting one has been due.
/// </summary>
public sealed record DeliveryBacklog(long Waiting, long Claimed, long Later, TimeSpan? OldestWaiting)
{
    public static DeliveryBacklog Empty { get; } = new(0, 0, 0, null);
}
