namespace LymphBot.Core.Scheduling;

/// <summary>A date as typed: a calendar date (<c>2026-12-24</c>), or <c>today</c> / <c>tomorrow</c>, which need the member's today.</summary>
public readonly record struct ScheduleDate(DateOnly? Date, int DaysFromToday)
{
    public static ScheduleDate On(DateOnly date) => new(date, 0);

    public static ScheduleDate Relative(int daysFromToday) => new(null, daysFromToday);

    public DateOnly Resolve(DateOnly today) => Date ?? today.AddDays(DaysFromToday);
}
