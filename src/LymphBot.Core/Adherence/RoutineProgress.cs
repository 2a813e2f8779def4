using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Adherence;

/// <summary>
/// One routine's recent days, one <see cref="DayMark"/> each and oldest first, ending today in the routine's zone, and its
/// current streak: consecutive scheduled days Done or Snoozed-then-Done, counted back from today. A rest day, a paused day,
/// a day it does not fire on and today while still to do neither break the streak nor count; Skipped and Missed end it.
/// </summary>
public sealed record RoutineProgress(IReadOnlyList<ReminderSubscription> Routine, DateOnly Today, IReadOnlyList<DayMark> Days, int Streak)
{
    /// <summary>The first of <see cref="Days"/>.</summary>
    public DateOnly FirstDay => Today.AddDays(1 - Days.Count);

    /// <summary>
    /// The progress of <paramref name="routine"/> (its subscriptions, one per time of day) from the member's stored
    /// <paramref name="outcomes"/> (others' subscriptions are ignored), over the last <paramref name="days"/> days.
    /// <paramref name="replaced"/> are the member's rows that <c>/remind edit</c> replaced (those of other routines are
    /// ignored): each counts over the days it was live, from its first occurrence to its last before the edit, so a
    /// streak survives an edit and the old times are not missed after it.
    /// </summary>
    public static RoutineProgress Of(IReadOnlyList<ReminderSubscription> routine, IEnumerable<OutcomeRecord> outcomes, DateTimeOffset now, int days, IEnumerable<ReminderSubscription>? replaced = null)
    {
        ArgumentNullException.ThrowIfNull(routine);
        ArgumentNullException.ThrowIfNull(outcomes);
        var zone = TimeZones.Find(routine[0].TimeZone);
        var today = DailySchedule.LocalDate(now, zone);
        var earlier = (replaced ?? []).Where(r => r.Routine == routine[0].Routine && r.State == ReminderState.Finished).ToList();
        List<ReminderSubscription> all = [.. routine, .. earlier];
        var ids = all.Select(r => r.Id).ToHashSet();
        var stored = outcomes.Where(o => ids.Contains(o.SubscriptionId)).ToDictionary(o => (o.SubscriptionId, o.LocalDate), o => o.Outcome);

        // A routine's first day is that of its first occurrence after it was made: days before it had no reminder. A
        // replaced row's last day is that of its last occurrence before the rows that replaced it were made.
        var firstDays = all.ToDictionary(r => r.Id, r => r.Schedule.Next(r.CreatedAt, TimeZones.Find(r.TimeZone), 1) is [var first] ? first.LocalDate : DateOnly.MaxValue);
        var lastDays = earlier.ToDictionary(r => r.Id, r => LastDay(r, all.Where(n => n.CreatedAt > r.CreatedAt).Select(n => n.CreatedAt).DefaultIfEmpty(now).Min()));

        DayMark MarkOf(ReminderSubscription subscription, DateOnly date)
        {
            if (stored.TryGetValue((subscription.Id, date), out var outcome))
            {
                return Mark(outcome);
            }

            var replacedRow = lastDays.TryGetValue(subscription.Id, out var last);
            if (date < firstDays[subscription.Id] || (replacedRow && date > last) || !subscription.FiresOn(date))
            {
                return DayMark.NoReminder;
            }

            // A replaced row's occurrence of today went out before the edit, and can still be ticked.
            return date < today ? DayMark.Missed : replacedRow || subscription.IsDueAt(now) ? DayMark.Pending : DayMark.Paused;
        }

        DayMark DayOf(DateOnly date) => Combine(all.Select(r => MarkOf(r, date)));

        var marks = Enumerable.Range(0, days).Select(d => DayOf(today.AddDays(d + 1 - days))).ToList();
        var earliest = stored.Keys.Select(k => k.LocalDate).Append(firstDays.Values.Min()).Min();
        var streak = 0;
        for (var date = today; date >= earliest; date = date.AddDays(-1))
        {
            var mark = DayOf(date);
            if (mark is DayMark.Skipped or DayMark.Missed)
            {
                break;
            }

            if (mark is DayMark.Done or DayMark.SnoozedThenDone)
            {
                streak++;
            }
        }

        return new RoutineProgress(routine, today, marks, streak);
    }

    /// <summary>How many of the days shown were ticked Done (with or without a snooze), and how many had a reminder to tick.</summary>
    public (int Done, int Due) Tally() =>
        (Days.Count(d => d is DayMark.Done or DayMark.SnoozedThenDone), Days.Count(d => d is DayMark.Done or DayMark.SnoozedThenDone or DayMark.Skipped or DayMark.Missed));

    /// <summary>The local date of <paramref name="row"/>'s last occurrence (at its time, whatever its days) before <paramref name="end"/>.</summary>
    private static DateOnly LastDay(ReminderSubscription row, DateTimeOffset end)
    {
        var zone = TimeZones.Find(row.TimeZone);
        return DailySchedule.LocalDate(DailySchedule.Next(end.AddDays(-2), row.LocalTime, zone, 3).Last(o => o < end), zone);
    }

    private static DayMark Mark(OccurrenceOutcome outcome) => outcome switch
    {
        OccurrenceOutcome.Done => DayMark.Done,
        OccurrenceOutcome.SnoozedThenDone => DayMark.SnoozedThenDone,
        OccurrenceOutcome.Skipped => DayMark.Skipped,
        OccurrenceOutcome.Missed => DayMark.Missed,
        OccurrenceOutcome.Rest => DayMark.Rest,
        _ => DayMark.Paused,
    };

    /// <summary>
    /// A day of a routine with several times is as good as its worst time: one missed or skipped marks the day so, one
    /// still to do keeps it open; otherwise it is done when any time was done, and rest or paused when all were.
    /// </summary>
    private static DayMark Combine(IEnumerable<DayMark> marks)
    {
        var set = marks.Where(m => m != DayMark.NoReminder).ToHashSet();
        DayMark[] order = [DayMark.Missed, DayMark.Skipped, DayMark.Pending, DayMark.SnoozedThenDone, DayMark.Done, DayMark.Rest, DayMark.Paused];
        return order.FirstOrDefault(set.Contains, DayMark.NoReminder);
    }
}
