using LymphBot.Core.Scheduling;
using Quartz;

namespace LymphBot.Reminders;

/// <summary>
/// One cron trigger per (zone, time) slot, keyed by the slot so scheduling again changes nothing. Triggers state
/// their zone (wall-clock semantics across daylight-saving changes) and fire once late after an outage
/// (<c>FireAndProceed</c>); the fan-out decides whether late is too late.
/// </summary>
public sealed class QuartzSlotScheduler(ISchedulerFactory schedulers) : ISlotScheduler
{
    public const string Group = "reminder-slots";

    public static TriggerKey KeyFor(string timeZone, TimeOnly localTime) => new($"{timeZone}@{ReminderTime.Format(localTime)}", Group);

    public async Task EnsureSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = KeyFor(timeZone, localTime);
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(key)
            .ForJob(ReminderSlotJob.Key)
            .UsingJobData(ReminderSlotJob.ZoneKey, timeZone)
            .UsingJobData(ReminderSlotJob.TimeKey, ReminderTime.Format(localTime))
            .WithCronSchedule(
                $"0 {localTime.Minute} {localTime.Hour} ? * *",
                cron => cron.InTimeZone(LymphBot.Core.Scheduling.TimeZones.Find(timeZone)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

        // Keep: another instance (or a concurrent /remind) may have created the same slot first, which is the goal.
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }

    public async Task EnsureSlotsAsync(IEnumerable<(string TimeZone, TimeOnly LocalTime)> slots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slots);

        // One query for the triggers that exist, then only the missing ones: scheduling an existing slot changes
        // nothing but costs a store transaction each (0.6 s of every restart with 10,000 slots).
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var existing = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken)).ToHashSet();
        foreach (var (zone, time) in slots.Where(s => !existing.Contains(KeyFor(s.TimeZone, s.LocalTime))))
        {
            await EnsureSlotAsync(zone, time, cancellationToken);
        }
    }

    public async Task RemoveSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken)
    {
        // The slot job is durable, so unscheduling its last trigger keeps the job for the slots that remain.
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(KeyFor(timeZone, localTime), cancellationToken);
    }
}
