namespace LymphBot.Core.Turns;

/// <summary>
/// The one per-chat lane, for every adapter's intake: a chat's work runs one item after another, in arrival order,
/// while chats run in parallel (up to a cap), so a slow answer in one chat never holds up intake or other chats.
/// Work with no lane (a Discord interaction, which has its own deadline) runs at once, outside the cap. Holds at most
/// <c>capacity</c> items, queued or running; past that <see cref="TryEnqueue"/> refuses, so the platform keeps the
/// update (Telegram) instead of the bot's memory growing without bound.
/// </summary>
/// <typeparam name="T">What the adapter queues: its own update or event type.</typeparam>
public sealed class ChatLanes<T> : IDisposable
{
    private readonly Func<T, CancellationToken, Task> _handle;
    private readonly Action<T, Exception> _failed;
    private readonly int _capacity;
    private readonly SemaphoreSlim? _concurrency;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<T>> _lanes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _processing = new();
    private readonly CancellationToken _processingToken;
    private TaskCompletionSource _changed = NewSignal();
    private int _pending;

    /// <param name="handle">Handles one item; it is given a token that fires only when draining runs out of time.</param>
    /// <param name="failed">Told of an item whose handling threw; the lane goes on with the next.</param>
    /// <param name="capacity">Items held at most, queued or running.</param>
    /// <param name="maxConcurrency">Lanes running at once; <c>null</c>: no cap.</param>
    public ChatLanes(Func<T, CancellationToken, Task> handle, Action<T, Exception> failed, int capacity = int.MaxValue, int? maxConcurrency = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _handle = handle;
        _failed = failed;
        _capacity = capacity;
        _concurrency = maxConcurrency is { } max ? new SemaphoreSlim(max, max) : null;

        // Kept apart from the source, so a lane still finishing after Dispose reads a token, not a disposed source.
        _processingToken = _processing.Token;
    }

    /// <summary>Items queued or running.</summary>
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

    /// <summary>Chats with queued or running work.</summary>
    public int ActiveLanes
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>How many more items fit.</summary>
    public int Room => Math.Max(0, _capacity - Pending);

    /// <summary>
    /// Queues <paramref name="item"/> behind the earlier work of chat <paramref name="lane"/>, or runs it at once when
    /// <paramref name="lane"/> is <c>null</c>; <c>false</c> when full.
    /// </summary>
    public bool TryEnqueue(string? lane, T item)
    {
        lock (_gate)
        {
            if (_pending >= _capacity)
            {
                return false;
            }

            _pending++;
            if (lane is null)
            {
                _ = Task.Run(() => RunAloneAsync(item), CancellationToken.None);
                return true;
            }

            if (_lanes.TryGetValue(lane, out var queue))
            {
                queue.Enqueue(item);
                return true;
            }

            _lanes[lane] = new Queue<T>([item]);
        }

        _ = Task.Run(() => RunLaneAsync(lane), CancellationToken.None);
        return true;
    }

    /// <summary>Waits until there is room for one more item.</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken) => WaitUntilAsync(() => _pending < _capacity, cancellationToken);

    /// <summary>
    /// Waits until every item is handled. When <paramref name="cancellationToken"/> fires first, the items still
    /// running are cancelled and those not started are dropped; returns how many were left then (0 when all were done).
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WaitUntilAsync(() => _pending == 0, cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var left = Pending;
            await _processing.CancelAsync();
            return left;
        }
    }

    public void Dispose()
    {
        _processing.Dispose();
        _concurrency?.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition())
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private async Task RunLaneAsync(string lane)
    {
        while (true)
        {
            T next;
            lock (_gate)
            {
                next = _lanes[lane].Peek();
            }

            await RunLimitedAsync(next);
            lock (_gate)
            {
                var queue = _lanes[lane];
                queue.Dequeue();
                if (queue.Count == 0)
                {
                    _lanes.Remove(lane);
                    Done();
                    return;
                }

                Done();
            }
        }
    }

    private async Task RunAloneAsync(T item)
    {
        await RunAsync(item);
        lock (_gate)
        {
            Done();
        }
    }

    private async Task RunLimitedAsync(T item)
    {
        if (_concurrency is null)
        {
            await RunAsync(item);
            return;
        }

        try
        {
            await _concurrency.WaitAsync(_processingToken);
        }
        catch (OperationCanceledException)
        {
            // Draining ran out of time before this item started: it is dropped, as DrainAsync said.
            return;
        }

        try
        {
            await RunAsync(item);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private async Task RunAsync(T item)
    {
        if (_processingToken.IsCancellationRequested)
        {
            // Draining ran out of time before this item started: it is dropped, as DrainAsync said.
            return;
        }

        try
        {
            await _handle(item, _processingToken);
        }
        catch (OperationCanceledException) when (_processingToken.IsCancellationRequested)
        {
            // Draining ran out of time; DrainAsync reported how many were left.
        }
        catch (Exception ex)
        {
            _failed(item, ex);
        }
    }

    /// <summary>One item finished (called under the lock): wake whoever waits for room or for the drain.</summary>
    private void Done()
    {
        _pending--;
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }
}
