namespace LymphBot.Core.Scheduling;

public enum DeliveryKind
{
    Daily,
    Snooze,
}
