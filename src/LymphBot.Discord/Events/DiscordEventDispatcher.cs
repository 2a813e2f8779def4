using System.Threading.Channels;
using LymphBot.Core.Turns;
using LymphBot.Discord.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Events;

/// <summary>
/// Drains the gateway's queue onto Core's per-chat lanes (<see cref="ChatLanes{T}"/>), keyed by channel: events of
/// one channel run one after another, in arrival order; channels run in parallel (up to
/// <see cref="DiscordOptions.MaxConcurrentHandlers"/>). Interactions take no lane: they do not queue behind a
/// channel's slow answer or the cap, since each has its own 3-second deadline.
/// </summary>
internal sealed partial class DiscordEventDispatcher : IDisposable
{
    private readonly ChatLanes<GatewayEvent> _lanes;
    private readonly ILogger _logger;

    public DiscordEventDispatcher(DiscordEventHandler handler, IOptions<DiscordOptions> options, ILogger<DiscordEventDispatcher> logger)
        : this(handler.HandleAsync, options.Value.MaxConcurrentHandlers, logger)
    {
    }

    internal DiscordEventDispatcher(Func<GatewayEvent, CancellationToken, Task> handle, int maxConcurrency, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _lanes = new ChatLanes<GatewayEvent>(handle, (e, ex) => LogHandlerFailed(ex, e.Type), maxConcurrency: maxConcurrency);
    }

    /// <summary>Channels with queued or running work (tests and diagnostics).</summary>
    public int ActiveChannels => _lanes.ActiveLanes;

    /// <summary>Events dispatched and not yet handled: waiting behind their channel or the cap, or running.</summary>
    public int Pending => _lanes.Pending;

    /// <summary>
    /// Reads until the queue completes or <paramref name="cancellationToken"/> fires, then waits for the handlers;
    /// once the token has fired, handlers still running are cancelled.
    /// </summary>
    public async Task RunAsync(ChannelReader<GatewayEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var gatewayEvent in events.ReadAllAsync(cancellationToken))
            {
                Dispatch(gatewayEvent);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the drain below cancels what still runs.
        }

        await _lanes.DrainAsync(cancellationToken);
    }

    public void Dispatch(GatewayEvent gatewayEvent)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        var lane = gatewayEvent.Type == "INTERACTION_CREATE" ? null : gatewayEvent.ChannelId ?? gatewayEvent.Type;
        _lanes.TryEnqueue(lane, gatewayEvent);
    }

    /// <summary>Waits until every dispatched event is handled.</summary>
    public Task DrainAsync() => _lanes.DrainAsync(CancellationToken.None);

    public void Dispose() => _lanes.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Discord {EventType} event failed")]
    private partial void LogHandlerFailed(Exception exception, string eventType);
}
