using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/remind rest &lt;reminder&gt; &lt;today|tomorrow|date&gt; [off]</c>: a rest day the member plans, or cancels. It is stored
/// ahead as the day's outcome (Rest), so the slot's fan-out writes no occurrence that day, /progress shows it, and the
/// streak holds. Planned for today after the reminder went out, it ends that day's snoozes and follow-ups instead.
/// Cancelled while the day's time is still ahead, the outcome is gone before the fan-out looks, so it fires as usual.
/// </summary>
internal sealed class ReminderRestDays(IReminderStore reminders, IOutcomeStore outcomes, TimeProvider time)
{
    /// <summary>How far ahead a rest day may be planned.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>The word after the date that cancels a planned rest day.</summary>
    public const string Off = "off";

    public const string Example = "/remind rest 3 tomorrow";

    public const string CancelExample = "/remind rest 3 tomorrow off";

    /// <summary>
    /// A rest day can be cancelled until this long before its time. The slot's fan-out reads the day's rest days when it
    /// runs (its trigger fires at the minute, and it counts a firing up to a second early as that minute's): a cancel
    /// stored after that look would leave the day with neither a reminder nor an outcome, a miss in /progress.
    /// </summary>
    public static readonly TimeSpan CancelLead = TimeSpan.FromMinutes(1);

    public async Task<Reply> PlanAsync(ChatUser member, long id, ScheduleDate typed, CancellationToken cancellationToken)
    {
        if (await RoutineAsync(member, id, cancellationToken) is not [var first, ..] routine)
        {
            return NotYours(id);
        }

        var now = time.GetUtcNow();
        var today = DailySchedule.LocalDate(now, TimeZones.Find(first.TimeZone));
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
            : Reply.Plain($"Rest day planned: #{first.Routine} takes {Day(date)} off. Nothing is sent that day, and your streak holds. See it in /progress; /remind rest {first.Routine} {date:yyyy-MM-dd} off cancels it.");
    }

    /// <summary>
    /// <c>/remind rest 3 tomorrow off</c>: removes the planned rest day from each of the routine's times still ahead that
    /// day, so they fire as usual. A time already passed keeps its rest day: nothing went out, and undoing it would turn
    /// the day into a miss.
    /// </summary>
    public async Task<Reply> CancelAsync(ChatUser member, long id, ScheduleDate typed, CancellationToken cancellationToken)
    {
        if (await RoutineAsync(member, id, cancellationToken) is not [var first, ..] routine)
        {
            return NotYours(id);
        }

        var now = time.GetUtcNow();
        var zone = TimeZones.Find(first.TimeZone);
        var date = typed.Resolve(DailySchedule.LocalDate(now, zone));
        var resting = new List<ReminderSubscription>();
        foreach (var subscription in routine)
        {
            if (await outcomes.FindAsync(subscription.Id, date, cancellationToken) == OccurrenceOutcome.Rest)
            {
                resting.Add(subscription);
            }
        }

        if (resting.Count == 0)
        {
            return Reply.Refusal($"Reminder #{first.Routine} has no rest day on {Day(date)}, so there is nothing to cancel.");
        }

        var ahead = resting.Where(s => DailySchedule.OccurrenceOn(date, s.LocalTime, zone) - CancelLead > now).ToList();
        if (ahead.Count == 0)
        {
            return Reply.Refusal($"Too late to cancel: #{first.Routine} was due at {ReminderRoutines.Times(resting)} on {Day(date)} (a rest day can be cancelled until a minute before), so the day stays a rest day.");
        }

        foreach (var subscription in ahead)
        {
            await outcomes.CancelRestAsync(subscription.Id, date, cancellationToken);
        }

        var passed = resting.Except(ahead).ToList();
        return Reply.Plain($"Rest day cancelled: #{first.Routine} reminds you on {Day(date)} at {ReminderRoutines.Times(ahead)} as usual."
            + (passed.Count == 0 ? string.Empty : $" It was due at {ReminderRoutines.Times(passed)} already, so that time stays a rest."));
    }

    private async Task<IReadOnlyList<ReminderSubscription>> RoutineAsync(ChatUser member, long id, CancellationToken cancellationToken) =>
        ReminderRoutines.Of(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), id);

    private static Reply NotYours(long id) => Reply.Refusal($"You have no reminder #{id}. Send /reminders to see yours and their ids.");

    private static string Day(DateOnly date) => ProgressText.Day(date);
}
