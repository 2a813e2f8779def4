using System.Threading.Channels;
using LymphBot.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Events;

/// <summary>
/// Drains the gateway's queue onto workers: events of one channel run one after another, in arrival order;
/// different channels run in parallel (up to <see cref="DiscordOptions.MaxConcurrentHandlers"/>). Interactions do
/// not queue behind a channel's slow answer or the concurrency cap: each has its own 3-second deadline.
/// </summary>
internal sealed class DiscordEventDispatcher : IDisposable
{
    private readonly Func<GatewayEvent, CancellationToken, Task> _handle;
    private readonly SemaphoreSlim _concurrency;
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _interactions = [];
    private readonly Lock _gate = new();
    private int _pending;

    public DiscordEventDispatcher(DiscordEventHandler handler, IOptions<DiscordOptions> options)
        : this(handler.HandleAsync, options.Value.MaxConcurrentHandlers)
    {
    }

    internal DiscordEventDispatcher(Func<GatewayEvent, CancellationToken, Task> handle, int maxConcurrency)
    {
        _handle = handle;
        _concurrency = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>Channels with queued or running work (tests and diagnostics).</summary>
    public int ActiveChannels
    {
        get
        {
            lock (_gate)
            {
                return _tails.Count;
            }
        }
    }

    /// <summary>Events dispatched and not yet handled: waiting behind their channel or the cap, or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Reads until the queue completes, then waits for running handlers.</summary>
    public async Task RunAsync(ChannelReader<GatewayEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var gatewayEvent in events.ReadAllAsync(cancellationToken))
            {
                Dispatch(gatewayEvent, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: handlers observe the same token.
        }

        await DrainAsync();
    }

    public void Dispatch(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        if (gatewayEvent.Type == "INTERACTION_CREATE")
        {
            var task = Task.Run(() => RunCountedAsync(gatewayEvent, cancellationToken), CancellationToken.None);
            lock (_gate)
            {
                _interactions.Add(task);
            }

            task.ContinueWith(
                t =>
                {
                    lock (_gate)
                    {
                        _interactions.Remove(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }

        var key = gatewayEvent.ChannelId ?? gatewayEvent.Type;
        lock (_gate)
        {
            var previous = _tails.TryGetValue(key, out var tail) ? tail : Task.CompletedTask;

            // Never runs inline here: the continuation goes to the thread pool, so the lock is held only briefly.
            var next = previous.ContinueWith(
                _ => RunLimitedAsync(gatewayEvent, cancellationToken),
                CancellationToken.None,
                TaskContinuationOptions.DenyChildAttach,
                TaskScheduler.Default).Unwrap();
            _tails[key] = next;
            next.ContinueWith(
                t =>
                {
                    lock (_gate)
                    {
                        if (_tails.TryGetValue(key, out var current) && current == t)
                        {
                            _tails.Remove(key);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    public async Task DrainAsync()
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _tails.Values, .. _interactions];
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by shutdown.
        }
    }

    public void Dispose() => _concurrency.Dispose();

    private async Task RunLimitedAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _concurrency.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }

        try
        {
            await RunCountedAsync(gatewayEvent, cancellationToken);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private async Task RunCountedAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _handle(gatewayEvent, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
