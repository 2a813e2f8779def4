namespace LymphBot.Core.Scheduling;

/// <summary>
/// One time a schedule fires: the instant, and the local date and time it was scheduled for (which differ from the
/// instant's wall clock when the time fell into a spring-forward gap and moved to the first valid minute).
/// </summary>
public readonly record struct ScheduleOccurrence(DateTimeOffset At, DateOnly LocalDate, TimeOnly LocalTime, bool OnDstChangeDay);
