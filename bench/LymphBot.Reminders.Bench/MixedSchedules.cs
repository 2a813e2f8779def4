using LymphBot.Core.Adherence;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// Subscriptions of every kind the bot schedules, in turn: routines (daily, weekdays, chosen days, every 2 days, a
/// course with an end, a one-off), a weekly recap (of the one-off's member, so it has a routine to tell about), a day of
/// a program's course, and a routine of several times a day (two subscriptions, its second time 12 hours later in its
/// own slot, as /remind stores one). Each is stored as the bot stores it and built to fire on the given day, so a slot's
/// count of due subscriptions stays what the scenario says; <see cref="AddLeftOutAsync"/> adds the ones the fan-out
/// must skip, a planned rest day among them.
/// </summary>
internal static class MixedSchedules
{
    /// <summary>The program the course days are of: the one the knowledge base ships.</summary>
    public const string ProgramId = "gentle-7";

    public static readonly string[] Kinds = ["daily", "weekdays", "chosen days", "every 2 days", "course with end", "one-off", "weekly recap", "program day", "several times a day"];

    private const int WeeklyRecap = 6;
    private const int ProgramDay = 7;

    public static string Describe => string.Join(", ", Kinds);

    public static string DescribeLeftOut => "another weekday, the off day of every 2 days, a course already ended, a planned rest day";

    public static int KindOf(int i) => i % Kinds.Length;

    /// <summary>
    /// Adds subscription <paramref name="i"/> at <paramref name="time"/>, firing on <paramref name="day"/>, as the bot
    /// stores its kind: a routine through <see cref="IReminderStore.AddAsync"/>, the recap through
    /// <see cref="IWeeklyRecapStore.SetAsync"/>, a program's course with its enrollment through <see cref="IProgramEnrollmentStore.JoinAsync"/>.
    /// </summary>
    public static async Task<ReminderSubscription> AddAsync(IServiceProvider services, int i, string zone, TimeOnly time, DateTimeOffset now, DateOnly day, long? routineId = null)
    {
        switch (KindOf(i))
        {
            case WeeklyRecap:
                var owner = CreateScenario.Subscription(i - 1, zone, time, now);
                return await services.GetRequiredService<IWeeklyRecapStore>().SetAsync(
                    owner with { Kind = ReminderKind.WeeklyRecap, Schedule = new ReminderSchedule([time], ReminderSchedule.DayOf(day.DayOfWeek)) },
                    CancellationToken.None);
            case ProgramDay:
                // Day 1 to 7 of the course, never the summary after it.
                var days = services.GetRequiredService<KnowledgeBase>().Snapshot.FindProgram(ProgramId)?.Days
                    ?? throw new InvalidOperationException($"the knowledge base has no program {ProgramId}");
                var firstDay = day.AddDays(-(i % days));
                var course = CreateScenario.Subscription(i, zone, time, now) with
                {
                    Kind = ReminderKind.Program,
                    Schedule = new ReminderSchedule([time], from: firstDay, until: firstDay.AddDays(days)),
                };
                var joined = await services.GetRequiredService<IProgramEnrollmentStore>().JoinAsync(
                    new ProgramEnrollment(0, ProgramId, course.Member, course.Chat, days, firstDay, ProgramEnrollmentState.Active, now), course, CancellationToken.None);
                return course with { Id = joined.Enrollment.SubscriptionId!.Value };
            default:
                return await services.GetRequiredService<IReminderStore>().AddAsync(
                    CreateScenario.Subscription(i, zone, time, now, Due(i, time, day)) with { RoutineId = routineId }, CancellationToken.None);
        }
    }

    /// <summary>A routine's schedule at <paramref name="time"/> that fires on <paramref name="day"/>.</summary>
    private static ReminderSchedule Due(int i, TimeOnly time, DateOnly day) => KindOf(i) switch
    {
        0 => ReminderSchedule.Daily(time),
        1 => new ReminderSchedule([time], day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? ScheduleDays.Weekends : ScheduleDays.Weekdays),
        2 => new ReminderSchedule([time], ReminderSchedule.DayOf(day.DayOfWeek) | ReminderSchedule.DayOf(day.AddDays(2).DayOfWeek) | ReminderSchedule.DayOf(day.AddDays(4).DayOfWeek)),
        3 => new ReminderSchedule([time], everyDays: 2, from: day.AddDays(-2 * (i % 5))),
        4 => new ReminderSchedule([time], from: day.AddDays(-(i % 7)), until: day.AddDays(13)),
        5 => ReminderSchedule.Once(day, time),
        _ => new ReminderSchedule([time]),
    };

    /// <summary>
    /// A routine in the same slot that does not fire on <paramref name="day"/>: its schedule leaves the day out, or (every
    /// fourth) its member planned the day as a rest day, so the fan-out's look-up of the slot's rest days finds it.
    /// </summary>
    public static async Task AddLeftOutAsync(IServiceProvider services, int i, int index, string zone, TimeOnly time, DateTimeOffset now, DateOnly day)
    {
        var schedule = (index % 4) switch
        {
            0 => new ReminderSchedule([time], ReminderSchedule.DayOf(day.AddDays(1).DayOfWeek)),
            1 => new ReminderSchedule([time], everyDays: 2, from: day.AddDays(-1)),
            2 => new ReminderSchedule([time], until: day.AddDays(-1)),
            _ => ReminderSchedule.Daily(time),
        };
        var added = await services.GetRequiredService<IReminderStore>().AddAsync(CreateScenario.Subscription(i, zone, time, now, schedule), CancellationToken.None);
        if (index % 4 == 3)
        {
            await services.GetRequiredService<IOutcomeStore>().RecordAsync(added.Id, added.Member, day, OccurrenceOutcome.Rest, now, CancellationToken.None);
        }
    }

    /// <summary>The routine's second time, for "several times a day": 12 hours on, its own slot.</summary>
    public static bool HasSecondTime(int i) => KindOf(i) == Kinds.Length - 1;

    public static TimeOnly SecondTime(TimeOnly time) => time.AddHours(12);
}
