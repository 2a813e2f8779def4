namespace LymphBot.Core.Scheduling;

/// <summary>The days of the week a schedule runs on, as a set; stored as its number.</summary>
[Flags]
public enum ScheduleDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekends = Saturday | Sunday,
    Every = Weekdays | Weekends,
}
