using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/remind nag &lt;reminder&gt; 20m x3</c> and <c>/remind nag &lt;reminder&gt; off</c>: a member's own reminder comes
/// again every so often until Done or Skip, up to the cap. Applies from the reminder's next occurrence on, to every
/// time of a routine (<c>8:00 and 20:00</c> is one reminder to the member, one subscription per time to the slots).
/// </summary>
internal sealed class ReminderFollowUps(IReminderStore reminders, IFollowUpStore followUps)
{
    public async Task<Reply> SetAsync(ChatUser member, long id, string text, CancellationToken cancellationToken)
    {
        var routine = ReminderRoutines.Of(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), id);
        if (routine.Count == 0)
        {
            return Reply.Refusal($"You have no reminder #{id}. Send /reminders to see yours and their ids.");
        }

        var each = routine.Count > 1 ? $" at each of its times ({ReminderRoutines.Slot(routine)})" : string.Empty;
        if (text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            await SetAllAsync(routine, null, cancellationToken);
            return Reply.Plain($"Reminder #{id} comes once again{each}, with no follow-ups.");
        }

        if (!FollowUp.TryParse(text, out var followUp, out var error))
        {
            return Reply.Refusal(error!);
        }

        await SetAllAsync(routine, followUp, cancellationToken);
        return Reply.Plain(
            $"Reminder #{id} will follow up {followUp!.Describe()}{each}, until you press Done or Skip (a snooze stops that day's follow-ups). " +
            $"From its next time on; /remind nag {id} off stops it.");
    }

    private async Task SetAllAsync(IReadOnlyList<ReminderSubscription> routine, FollowUp? followUp, CancellationToken cancellationToken)
    {
        foreach (var subscription in routine)
        {
            await followUps.SetAsync(subscription.Id, followUp, cancellationToken);
        }
    }
}
