using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/remind nag &lt;reminder&gt; 20m x3</c> and <c>/remind nag &lt;reminder&gt; off</c>: a member's own reminder comes
/// again every so often until Done or Skip, up to the cap. Applies from the reminder's next occurrence on.
/// </summary>
internal sealed class ReminderFollowUps(IReminderStore reminders, IFollowUpStore followUps)
{
    public async Task<Reply> SetAsync(ChatUser member, long id, string text, CancellationToken cancellationToken)
    {
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        if (mine.FirstOrDefault(r => r.Id == id) is not { } target)
        {
            return Reply.Refusal($"You have no reminder #{id}. Send /reminders to see yours and their ids.");
        }

        if (text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            await followUps.SetAsync(target.Id, null, cancellationToken);
            return Reply.Plain($"Reminder #{target.Id} comes once again, with no follow-ups.");
        }

        if (!FollowUp.TryParse(text, out var followUp, out var error))
        {
            return Reply.Refusal(error!);
        }

        await followUps.SetAsync(target.Id, followUp, cancellationToken);
        return Reply.Plain(
            $"Reminder #{target.Id} will follow up {followUp!.Describe()}, until you press Done or Skip (a snooze stops that day's follow-ups). " +
            $"From its next time on; /remind nag {target.Id} off stops it.");
    }
}
