using LymphBot.Core.Scheduling;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// Subscriptions of every schedule kind /remind makes, in turn: daily, weekdays, chosen days, every 2 days, a course
/// with an end, a one-off, and several times a day (a routine of two subscriptions, its second time 12 hours later
/// in its own slot, as /remind stores one). Each is built to fire on the given day, so a slot's count of due
/// subscriptions stays what the scenario says; <see cref="LeftOut"/> makes the ones the fan-out must skip.
/// </summary>
internal static class MixedSchedules
{
    public static readonly string[] Kinds = ["daily", "weekdays", "chosen days", "every 2 days", "course with end", "one-off", "several times a day"];

    public static string Describe => string.Join(", ", Kinds);

    public static int KindOf(int i) => i % Kinds.Length;

    /// <summary>Subscription <paramref name="i"/>'s schedule at <paramref name="time"/>, firing on <paramref name="day"/>.</summary>
    public static ReminderSchedule Due(int i, TimeOnly time, DateOnly day) => KindOf(i) switch
    {
        0 => ReminderSchedule.Daily(time),
        1 => new ReminderSchedule([time], day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? ScheduleDays.Weekends : ScheduleDays.Weekdays),
        2 => new ReminderSchedule([time], ReminderSchedule.DayOf(day.DayOfWeek) | ReminderSchedule.DayOf(day.AddDays(2).DayOfWeek) | ReminderSchedule.DayOf(day.AddDays(4).DayOfWeek)),
        3 => new ReminderSchedule([time], everyDays: 2, from: day.AddDays(-2 * (i % 5))),
        4 => new ReminderSchedule([time], from: day.AddDays(-(i % 7)), until: day.AddDays(13)),
        5 => ReminderSchedule.Once(day, time),
        _ => new ReminderSchedule([time]),
    };

    /// <summary>A schedule in the same slot that leaves <paramref name="day"/> out: the fan-out reads it and sends nothing.</summary>
    public static ReminderSchedule LeftOut(int i, TimeOnly time, DateOnly day) => (i % 3) switch
    {
        0 => new ReminderSchedule([time], ReminderSchedule.DayOf(day.AddDays(1).DayOfWeek)),
        1 => new ReminderSchedule([time], everyDays: 2, from: day.AddDays(-1)),
        _ => new ReminderSchedule([time], until: day.AddDays(-1)),
    };

    /// <summary>The routine's second time, for "several times a day": 12 hours on, its own slot.</summary>
    public static bool HasSecondTime(int i) => KindOf(i) == Kinds.Length - 1;

    public static TimeOnly SecondTime(TimeOnly time) => time.AddHours(12);
}
