using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using Microsoft.Extensions.Hosting;

namespace LymphBot.Reminders;

/// <summary>Runs the outbox sender for the life of the host, with its queue depth on /metrics.</summary>
public sealed class ReminderSenderService(ReminderSender sender, Database database) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Returns when the sender has finished the sends it claimed, or when Shutdown:Timeout has passed with sends stuck.
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            // In the second case the sends never record themselves: record what went out, hand back what never started.
            await sender.SettleAsync(CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var depth = sender.TrackQueueDepth();
        // On SQLite this process holds the single-instance lock, so every claim in the outbox is a dead process's.
        await sender.RunAsync(ownsEveryClaim: database.Provider == StorageProvider.Sqlite, stoppingToken);
    }
}
