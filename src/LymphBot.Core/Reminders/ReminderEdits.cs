using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/remind edit &lt;reminder&gt; &lt;schedule&gt; [zone] [label]</c> and <c>/remind edit &lt;reminder&gt; label &lt;label|off&gt;</c>:
/// a member's routine changed in place, previewed like <c>/remind</c> before Save (<see cref="ReminderDrafts"/>). One
/// rule decides what changes: what follows the number is read as <c>/remind</c> reads it, and the zone and label it
/// leaves out stay as they are; the word <c>label</c> in place of a schedule keeps the schedule and changes only the
/// label (<c>label off</c> removes it). So a label that happens to start like a schedule is never read as one by guess.
/// </summary>
internal sealed class ReminderEdits(IReminderStore reminders, ReminderDrafts drafts, TimeProvider time)
{
    public const string Example = "/remind edit 3 weekdays 7:30";

    public const string LabelExample = "/remind edit 3 label evening drainage";

    public async Task<Reply> EditAsync(ChatUser member, long id, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var routine = ReminderRoutines.Of(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), id);
        if (routine.Count == 0)
        {
            return Reply.Refusal($"You have no reminder #{id}. Send /reminders to see yours and their ids, then for example {Example}.");
        }

        var was = routine[0];
        var zoneId = invocation.GetText("zone") ?? was.TimeZone;
        var typed = invocation.GetText("label");
        ReminderSchedule schedule;
        string? label;
        if (invocation.GetSchedule("time") is { } request)
        {
            var resolution = request.Resolve(time.GetUtcNow(), TimeZones.Find(zoneId));
            if (resolution.Schedule is null)
            {
                return Reply.Plain(resolution.Error!);
            }

            schedule = resolution.Schedule;
            (label, var error) = typed is null ? (was.Label, null) : ReminderLabel.Read(typed);
            if (error is not null)
            {
                return Reply.Plain(error);
            }
        }
        else
        {
            if (typed is null)
            {
                return Reply.Plain($"Which label? For example {LabelExample.Replace(" 3 ", $" {id} ", StringComparison.Ordinal)}, or /remind edit {id} label off to remove it.");
            }

            (label, var error) = typed.Equals("off", StringComparison.OrdinalIgnoreCase) ? (null, null) : ReminderLabel.Read(typed);
            if (error is not null)
            {
                return Reply.Plain(error);
            }

            schedule = ReminderRoutines.Schedule(routine);
        }

        return await drafts.PreviewEditAsync(member, routine, schedule, zoneId, label, cancellationToken);
    }
}
