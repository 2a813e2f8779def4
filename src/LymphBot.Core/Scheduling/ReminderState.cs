namespace LymphBot.Core.Scheduling;

public enum ReminderState
{
    Active,

    /// <summary>Paused by the member (until a date, or until resumed) or by the bot (chat unreachable).</summary>
    Paused,
}
