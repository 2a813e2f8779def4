using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// A member's reminders as they read them: several times of day saved together (<c>8:00 and 20:00</c>) are one
/// routine, with one id (<see cref="ReminderSubscription.Routine"/>), one line and one label, though each time is its
/// own subscription in its own slot so the triggers stay one per (zone, time).
/// </summary>
public static class ReminderRoutines
{
    /// <summary>The member's subscriptions grouped by routine, in the order the routines were made.</summary>
    public static IReadOnlyList<IReadOnlyList<ReminderSubscription>> Group(IEnumerable<ReminderSubscription> mine) =>
        [.. mine.GroupBy(r => r.Routine).OrderBy(g => g.Key).Select(g => (IReadOnlyList<ReminderSubscription>)[.. g.OrderBy(r => r.LocalTime)])];

    /// <summary>The subscriptions of routine <paramref name="id"/>; empty when the member has none by that id.</summary>
    public static IReadOnlyList<ReminderSubscription> Of(IEnumerable<ReminderSubscription> mine, long id) =>
        [.. mine.Where(r => r.Routine == id).OrderBy(r => r.LocalTime)];

    /// <summary>Its times and zone: <c>08:00 and 20:00 UTC</c>.</summary>
    public static string Slot(IReadOnlyList<ReminderSubscription> routine)
    {
        ArgumentNullException.ThrowIfNull(routine);
        return $"{Times(routine)} {routine[0].TimeZone}";
    }

    /// <summary>The times of some of its subscriptions: <c>08:00, 14:00 and 20:00</c>.</summary>
    public static string Times(IReadOnlyList<ReminderSubscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var times = subscriptions.Select(r => ReminderTime.Format(r.LocalTime)).ToList();
        return times.Count == 1 ? times[0] : $"{string.Join(", ", times.SkipLast(1))} and {times[^1]}";
    }

    /// <summary>The routine's schedule with all its times (each subscription carries only its own).</summary>
    public static ReminderSchedule Schedule(IReadOnlyList<ReminderSubscription> routine)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var first = routine[0].Schedule;
        return new ReminderSchedule(routine.Select(r => r.LocalTime), first.Days, first.EveryDays, first.From, first.Until);
    }
}
