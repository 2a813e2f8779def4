using System.Globalization;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// A schedule as the member typed it, before it meets a clock and a zone: <c>tomorrow</c>, <c>in 2 hours</c>,
/// <c>for 14 days</c> and "starting today" only mean something on a given day. <see cref="Resolve"/> makes the
/// <see cref="ReminderSchedule"/>, refusing dates that have passed and ends before starts.
/// </summary>
public sealed record ScheduleRequest
{
    public IReadOnlyList<TimeOnly> Times { get; init; } = [];

    public ScheduleDays Days { get; init; } = ScheduleDays.Every;

    public int EveryDays { get; init; } = 1;

    public ScheduleDate? Start { get; init; }

    /// <summary>How many days it runs, counted from the day it first fires.</summary>
    public int? ForDays { get; init; }

    public ScheduleDate? Until { get; init; }

    /// <summary>A one-off's date (<c>tomorrow 9am</c>, <c>on 2026-12-24 10:00</c>).</summary>
    public ScheduleDate? OnDate { get; init; }

    /// <summary>A one-off's delay from now (<c>in 2 hours</c>).</summary>
    public TimeSpan? In { get; init; }

    public ScheduleResolution Resolve(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DailySchedule.LocalDate(now, zone);
        if (In is { } delay)
        {
            // Slots are whole minutes; round up, so it is never earlier than asked.
            var at = now + delay;
            var ticks = at.Ticks % TimeSpan.TicksPerMinute;
            var local = TimeZoneInfo.ConvertTime(ticks == 0 ? at : at.AddTicks(TimeSpan.TicksPerMinute - ticks), zone);
            return new(ReminderSchedule.Once(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime)), null);
        }

        if (OnDate is { } on)
        {
            var once = ReminderSchedule.Once(on.Resolve(today), Times[0]);
            return once.Next(now, zone, 1).Count == 0
                ? Fail($"{Iso(once.From!.Value)} at {ReminderTime.Format(Times[0])} has already passed", ScheduleParser.OneOffExample)
                : new(once, null);
        }

        var from = Start?.Resolve(today);
        if (from is { } first && first < today)
        {
            return Fail($"{Iso(first)} has already passed; start today or later", ScheduleParser.StartExample);
        }

        if (EveryDays > 1 && from is null)
        {
            // Counted from the first day one of its times is still ahead: today, or tomorrow if they have all gone by.
            from = new ReminderSchedule(Times, from: today).Next(now, zone, 1)[0].LocalDate;
        }

        var until = Until?.Resolve(today);
        if (until is { } last && last < today)
        {
            return Fail($"until {Iso(last)} has already passed", ScheduleParser.UntilExample);
        }

        if (until is { } end && from is { } start && end < start)
        {
            return Fail($"until {Iso(end)} is before the start, {Iso(start)}", ScheduleParser.UntilExample);
        }

        if (ForDays is { } days)
        {
            until = new ReminderSchedule(Times, Days, EveryDays, from).Next(now, zone, 1)[0].LocalDate.AddDays(days - 1);
        }

        var schedule = new ReminderSchedule(Times, Days, EveryDays, from, until);
        return schedule.Next(now, zone, 1).Count == 0
            ? Fail($"that schedule has no day left before it ends on {Iso(schedule.Until!.Value)}", ScheduleParser.UntilExample)
            : new(schedule, null);
    }

    private static ScheduleResolution Fail(string problem, string example) => new(null, ScheduleParser.Sentence(problem, example));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
