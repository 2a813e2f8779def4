namespace LymphBot.Core.Scheduling;

public enum DeliveryState
{
    Pending,

    /// <summary>Claimed by a sender; returns to pending if that sender dies before recording the outcome.</summary>
    Sending,
    Sent,
    Failed,

    /// <summary>Not sent on purpose (member pressed Done, chat unreachable).</summary>
    Skipped,

    /// <summary>Due while the bot was down for longer than the misfire grace: recorded, never sent late in a burst.</summary>
    Missed,
}
