using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Adherence;

/// <summary>
/// A member's weekly recap (<c>/progress weekly on</c>): a subscription of kind <see cref="ReminderKind.WeeklyRecap"/>
/// in its (zone, time) slot, so the slot scheduler fires it and the outbox delivers it like a reminder. At most one per member.
/// </summary>
public interface IWeeklyRecapStore
{
    Task<ReminderSubscription?> FindAsync(ChatUser member, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="recap"/> as the member's recap in one step, replacing the day, time, zone and chat of the one
    /// they had (which keeps its id, so a week already recapped is not recapped twice) and making it active again.
    /// </summary>
    Task<ReminderSubscription> SetAsync(ReminderSubscription recap, CancellationToken cancellationToken);

    /// <summary>Removes the member's recap with its pending delivery; <c>false</c> when they had none.</summary>
    Task<bool> RemoveAsync(ChatUser member, CancellationToken cancellationToken);
}
