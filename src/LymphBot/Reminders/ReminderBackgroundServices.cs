using LymphBot.Core.Reminders;
using Microsoft.Extensions.Hosting;

namespace LymphBot.Reminders;

/// <summary>Runs the outbox sender for the life of the host, with its queue depth on /metrics.</summary>
public sealed class ReminderSenderService(ReminderSender sender) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var depth = sender.TrackQueueDepth();
        await sender.RunAsync(stoppingToken);
    }
}
