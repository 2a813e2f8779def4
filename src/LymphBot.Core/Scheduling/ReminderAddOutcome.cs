namespace LymphBot.Core.Scheduling;

public enum ReminderAddOutcome
{
    /// <summary>Stored.</summary>
    Added,

    /// <summary>The member already has a reminder at that time and zone; nothing was stored.</summary>
    Duplicate,

    /// <summary>The member already has the most reminders one member may have; nothing was stored.</summary>
    LimitReached,
}
