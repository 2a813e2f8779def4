using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/remind rest &lt;reminder&gt; &lt;today|tomorrow|date&gt;</c>: a rest day the member plans. It is stored ahead as the
/// day's outcome (Rest), so the slot's fan-out writes no occurrence that day, /progress shows it, and the streak holds.
/// Planned for today after the reminder went out, it ends that day's snoozes and follow-ups instead.
/// </summary>
internal sealed class ReminderRestDays(IReminderStore reminders, IOutcomeStore outcomes, TimeProvider time)
{
    /// <summary>How far ahead a rest day may be planned.</summary>
    public const int MaxDaysAhead = 366;

    public const string Example = "/remind rest 3 tomorrow";

    public async Task<Reply> PlanAsync(ChatUser member, long id, string text, CancellationToken cancellationToken)
    {
        if (ReminderRoutines.Of(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), id) is not [var first, ..] routine)
        {
            return Reply.Refusal($"You have no reminder #{id}. Send /reminders to see yours and their ids.");
        }

        var now = time.GetUtcNow();
        var today = DailySchedule.LocalDate(now, TimeZones.Find(first.TimeZone));
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 1 || !ScheduleWords.TryDate(ScheduleWords.Fold(words[0]), out var typed, out _))
        {
            return Reply.Refusal($"I read a rest day as today, tomorrow or a date like 2026-12-24; for example {Example}.");
        }

        var date = typed.Resolve(today);
        if (date < today)
        {
            return Reply.Refusal($"{Day(date)} has passed; a rest day is today or later, for example {Example}.");
        }

        if (date > today.AddDays(MaxDaysAhead))
        {
            return Reply.Refusal($"That is more than a year ahead; plan rest days up to {Day(today.AddDays(MaxDaysAhead))}.");
        }

        var due = routine.Where(r => r.FiresOn(date)).ToList();
        if (due.Count == 0)
        {
            return Reply.Refusal($"Reminder #{first.Routine} has no reminder on {Day(date)}, so there is nothing to rest.");
        }

        var rested = 0;
        foreach (var subscription in due)
        {
            // A time already ticked that day keeps its Done or Skip.
            if ((await outcomes.FindAsync(subscription.Id, date, cancellationToken)).IsTicked())
            {
                continue;
            }

            await outcomes.SettleAsync(subscription.Id, subscription.Member, date, OccurrenceOutcome.Rest, now, "rest day", cancellationToken);
            rested++;
        }

        return rested == 0
            ? Reply.Plain($"You've already ticked off #{first.Routine} on {Day(date)}, so that day stays as it is.")
            : Reply.Plain($"Rest day planned: #{first.Routine} takes {Day(date)} off. Nothing is sent that day, and your streak holds. See it in /progress.");
    }

    private static string Day(DateOnly date) => ProgressText.Day(date);
}
