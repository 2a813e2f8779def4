using System.Reflection;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.Http;

/// <summary>
/// One line when the host has started: version, adapters, storage, knowledge entries and the next reminder due,
/// so an operator sees at a glance what this instance is.
/// </summary>
public sealed partial class StartupSummary(
    IHostApplicationLifetime lifetime,
    ChatPlatforms platforms,
    Database database,
    KnowledgeBase knowledge,
    IReminderStore reminders,
    TimeProvider time,
    ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = LogAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var version = typeof(StartupSummary).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        var now = time.GetUtcNow();
        var next = (await reminders.ListSlotsAsync(cancellationToken))
            .Select(s => DailySchedule.Next(now, s.LocalTime, TimeZones.Find(s.TimeZone), 1)[0])
            .DefaultIfEmpty()
            .Min();
        var adapters = platforms.Names.Count == 0 ? "none" : string.Join(", ", platforms.Names.Order(StringComparer.Ordinal));
        return $"LymphBot {version} started: adapters {adapters}; storage {database.Provider}; knowledge {knowledge.Snapshot.Entries.Count} entries; " +
            $"next reminder {(next == default ? "none scheduled" : next.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}";
    }

    private async Task LogAsync()
    {
        try
        {
            LogSummary(await DescribeAsync(lifetime.ApplicationStopping));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSummaryFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    private partial void LogSummary(string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not describe the started host")]
    private partial void LogSummaryFailed(Exception exception);
}
