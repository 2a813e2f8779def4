namespace LymphBot.Core.Scheduling;

public enum ReminderState
{
    Active,

    /// <summary>Paused by the member (until a date, or until resumed) or by the bot (chat unreachable).</summary>
    Paused,

    /// <summary>
    /// Its schedule has ended (a one-off that fired, a course past its last day). Kept rather than deleted, as the
    /// record of a routine the member had (what <c>/mydata</c> shows, and <c>/forgetme</c> deletes); it is no longer
    /// listed, counted towards the member's limit, or fanned out, and its last occurrence is still sent.
    /// </summary>
    Finished,

    /// <summary>
    /// Previewed but not saved: the member has not pressed Save yet. Never fired, listed or counted; kept in the
    /// database (not in memory) because the press may reach another instance, and Telegram's 64 bytes of button data
    /// cannot carry a schedule with a label. Save makes it active; Cancel, or a day unsaved, deletes it.
    /// </summary>
    Draft,
}
