namespace LymphBot.Core.Scheduling;

/// <summary>A typed schedule made concrete for a member's zone and today: the schedule, or one line saying why not.</summary>
public sealed record ScheduleResolution(ReminderSchedule? Schedule, string? Error);
