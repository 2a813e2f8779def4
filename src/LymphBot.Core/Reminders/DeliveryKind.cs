namespace LymphBot.Core.Reminders;

public enum DeliveryKind
{
    Daily,
    Snooze,
}
