using LymphBot.Core.Scheduling;
using Microsoft.Extensions.Hosting;

namespace LymphBot.Reminders;

/// <summary>At start, makes sure every slot with subscriptions has its trigger (after a restore, or a lost trigger).</summary>
public sealed class SlotReconciler(IReminderStore reminders, ISlotScheduler slots) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await slots.EnsureSlotsAsync(await reminders.ListSlotsAsync(cancellationToken), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
