namespace LymphBot.Core.Scheduling;

public enum DeliveryKind
{
    Daily,

    /// <summary>The occurrence again after the member pressed a Snooze button; <see cref="Delivery.Sequence"/> counts them (1-3).</summary>
    Snooze,
}
