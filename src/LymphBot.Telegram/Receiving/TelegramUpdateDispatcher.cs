using System.Globalization;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// Hands updates to workers, one lane per chat: a chat's updates are handled in order, while a slow answer in one
/// chat never holds up intake or other chats. Holds at most <see cref="TelegramOptions.MaxQueuedUpdates"/>; when
/// full, polling waits (updates stay safely with Telegram) and the webhook answers 503 so Telegram retries.
/// </summary>
public sealed partial class TelegramUpdateDispatcher : IDisposable
{
    private const int RememberedIds = 2048;

    private readonly TelegramUpdateHandler _handler;
    private readonly ILogger<TelegramUpdateDispatcher> _logger;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Queue<Update>> _lanes = [];
    private readonly HashSet<int> _seen = [];
    private readonly Queue<int> _seenOrder = new();
    private readonly CancellationTokenSource _processing = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _pending;

    public TelegramUpdateDispatcher(TelegramUpdateHandler handler, IOptions<TelegramOptions> options, ILogger<TelegramUpdateDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _logger = logger;
        _capacity = options.Value.MaxQueuedUpdates;
    }

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    public int Room => Math.Max(0, _capacity - Pending);

    /// <summary>Queues an update; <c>false</c> when full. An update seen recently (a redelivery) is accepted and dropped.</summary>
    public bool TryEnqueue(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var key = TelegramMapping.ChatKeyOf(update);
        lock (_gate)
        {
            if (_seen.Contains(update.Id))
            {
                return true;
            }

            if (_pending >= _capacity)
            {
                return false;
            }

            Remember(update.Id);
            _pending++;
            if (_lanes.TryGetValue(key, out var lane))
            {
                lane.Enqueue(update);
                return true;
            }

            _lanes[key] = new Queue<Update>([update]);
        }

        _ = Task.Run(() => RunLaneAsync(key));
        return true;
    }

    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_pending < _capacity)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until every queued update is handled; when <paramref name="cancellationToken"/> fires first, cancels the rest.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_pending == 0)
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(Pending);
            await _processing.CancelAsync();
        }
    }

    public void Dispose() => _processing.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Remember(int id)
    {
        _seen.Add(id);
        _seenOrder.Enqueue(id);
        if (_seenOrder.Count > RememberedIds)
        {
            _seen.Remove(_seenOrder.Dequeue());
        }
    }

    private async Task RunLaneAsync(long key)
    {
        while (true)
        {
            Update next;
            lock (_gate)
            {
                next = _lanes[key].Peek();
            }

            try
            {
                // Everything logged while handling (routing, answering, sending the reply) names the chat.
                using var scope = _logger.BeginChatScope(TelegramMapping.Platform, key.ToString(CultureInfo.InvariantCulture));
                await _handler.HandleAsync(next, _processing.Token);
            }
            catch (OperationCanceledException) when (_processing.IsCancellationRequested)
            {
                // Shutting down past the host's patience; DrainAsync logged how many were left.
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, next.Id, key);
            }

            TaskCompletionSource signal;
            lock (_gate)
            {
                var lane = _lanes[key];
                lane.Dequeue();
                _pending--;
                signal = _changed;
                _changed = NewSignal();
                if (lane.Count == 0)
                {
                    _lanes.Remove(key);
                    signal.TrySetResult();
                    return;
                }
            }

            signal.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling Telegram update {UpdateId} in chat {ChatKey} failed")]
    private partial void LogHandlerFailed(Exception exception, int updateId, long chatKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Count} Telegram updates not yet handled")]
    private partial void LogAbandoned(int count);
}
