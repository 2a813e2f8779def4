namespace LymphBot.Core.Scheduling;

public enum DeliveryState
{
    Pending,

    /// <summary>Claimed by a sender; returns to pending if that sender dies before recording the outcome.</summary>
    Sending,
    Sent,

    /// <summary>
    /// The send timed out after the request left, on a platform without idempotency keys: it may have been posted,
    /// and sending it again could post it twice, so it is not.
    /// </summary>
    SentUnconfirmed,
    Failed,

    /// <summary>Not sent on purpose (member pressed Done, chat unreachable).</summary>
    Skipped,

    /// <summary>Due while the bot was down for longer than the misfire grace: recorded, never sent late in a burst.</summary>
    Missed,
}
