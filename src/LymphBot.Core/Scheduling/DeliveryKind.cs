namespace LymphBot.Core.Scheduling;

public enum DeliveryKind
{
    Daily,

    /// <summary>The occurrence again after the member pressed a Snooze button; <see cref="Delivery.Sequence"/> counts them (1-3).</summary>
    Snooze,

    /// <summary>The occurrence again because it is not done yet (<c>/remind nag</c>); <see cref="Delivery.Sequence"/> counts them.</summary>
    FollowUp,
}
