using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Discord.Events;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord;

/// <summary>
/// Runs the adapter inside the host: finds the gateway URL, runs the gateway and the event workers. Whatever goes
/// wrong here stops the adapter with one error line and a <see cref="DiscordStatus"/> of Stopped; the host and
/// the other platforms keep running.
/// </summary>
internal sealed partial class DiscordAdapter(
    DiscordGateway gateway,
    DiscordEventDispatcher dispatcher,
    DiscordRestClient rest,
    DiscordStatus status,
    LymphBotMetrics metrics,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordAdapter> logger) : BackgroundService
{
    private readonly ILogger<DiscordAdapter> _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, status.StoppedToken);
        using var depth = metrics.TrackQueue(DiscordMapping.Platform, "events", () => dispatcher.Pending);
        var workers = dispatcher.RunAsync(gateway.Events, stoppingToken);
        try
        {
            var url = await FindGatewayAsync(running.Token);
            await gateway.RunAsync(url, running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // Shutdown, or stopped by a fatal error already logged.
        }
        catch (Exception ex)
        {
            var reason = "unexpected error: " + ex.Message;
            if (status.Stop(reason))
            {
                LogCrashed(ex);
            }
        }

        await workers;
    }

    private async Task<Uri> FindGatewayAsync(CancellationToken cancellationToken)
    {
        if (options.Value.GatewayUrl is { } configured)
        {
            return configured;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var info = await rest.GetGatewayBotAsync(cancellationToken);
                if (info?.SessionStartLimit is { Remaining: 0 } limit)
                {
                    // Identifying past the daily limit gets the token reset by Discord: wait for the window instead.
                    LogIdentifyLimit(limit.ResetAfter);
                    await Task.Delay(TimeSpan.FromMilliseconds(limit.ResetAfter), time, cancellationToken);
                    continue;
                }

                if (Uri.TryCreate(info?.Url, UriKind.Absolute, out var url))
                {
                    return url;
                }

                throw new DiscordRestException("GET /gateway/bot", System.Net.HttpStatusCode.OK, 0, "the response had no gateway url");
            }
            catch (DiscordRestException ex) when (ex.IsTransient || ex.IsRateLimited)
            {
                var delay = ex.RetryAfter ?? Backoff.Exponential(options.Value.ReconnectDelayMin, attempt + 1, options.Value.ReconnectDelayMax);
                LogGatewayLookupFailed(ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord adapter stopped after an unexpected error")]
    private partial void LogCrashed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: the daily identify limit is used up; waiting {ResetAfterMs} ms before connecting")]
    private partial void LogIdentifyLimit(long resetAfterMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not get the gateway URL ({Error}); retrying in {Seconds:0.#} s")]
    private partial void LogGatewayLookupFailed(string error, double seconds);
}
