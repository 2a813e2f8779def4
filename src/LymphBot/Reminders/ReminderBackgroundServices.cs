using LymphBot.Core.Reminders;
using Microsoft.Extensions.Hosting;

namespace LymphBot.Reminders;

/// <summary>Runs the outbox sender for the life of the host.</summary>
public sealed class ReminderSenderService(ReminderSender sender) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sender.RunAsync(stoppingToken);
}
