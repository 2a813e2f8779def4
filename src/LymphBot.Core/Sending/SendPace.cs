namespace LymphBot.Core.Sending;

/// <summary>
/// Hands out turns to send under a set of <see cref="SendWindow"/>s (a platform's overall cap, a chat's own limits)
/// and a pause a platform ordered (HTTP 429 <c>retry_after</c>). A turn is taken when every window has room and is
/// given back when the request is answered, so a send occupies its windows for as long as it is on the way.
/// Callers take turns one at a time, in arrival order. Time comes from <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's limiters do not fit: its sliding window is segmented (it can exceed the cap in a
/// window that straddles segments), a lease cannot hold its place in a window after release, and it reads the system
/// clock rather than a <see cref="TimeProvider"/>.
/// </remarks>
public sealed class SendPace(TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private TaskCompletionSource _changed = NewSignal();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>The platform said "slow down": no turn is given before <paramref name="retryAfter"/> has passed.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            _pausedUntil = until > _pausedUntil ? until : _pausedUntil;
        }
    }

    /// <summary>Waits until <paramref name="windows"/> allow a send and none but the caller waits ahead; the send starts now.</summary>
    public async Task<SendTurn> WaitTurnAsync(IReadOnlyList<SendWindow> windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        await _turnstile.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Task changed;
                DateTimeOffset? next;
                var now = time.GetUtcNow();
                lock (_gate)
                {
                    next = NextAllowed(windows, now);
                    if (next <= now)
                    {
                        foreach (var window in windows)
                        {
                            window.Begin(now);
                        }

                        return new SendTurn(this, windows);
                    }

                    changed = _changed.Task;
                }

                await WaitAsync(next, changed, cancellationToken);
            }
        }
        finally
        {
            _turnstile.Release();
        }
    }

    /// <summary>When <paramref name="windows"/> would next allow a send (ignoring others waiting); <c>null</c>: once a send in flight ends.</summary>
    public DateTimeOffset? NextAllowed(IReadOnlyList<SendWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        lock (_gate)
        {
            return NextAllowed(windows, time.GetUtcNow());
        }
    }

    /// <summary>Runs <paramref name="action"/> on the windows under the pace's lock (to prune or inspect them).</summary>
    public T Inspect<T>(Func<DateTimeOffset, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            return action(time.GetUtcNow());
        }
    }

    public void Dispose() => _turnstile.Dispose();

    internal void End(IReadOnlyList<SendWindow> windows)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var window in windows)
            {
                window.End(now);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DateTimeOffset? NextAllowed(IReadOnlyList<SendWindow> windows, DateTimeOffset now)
    {
        var next = _pausedUntil > now ? _pausedUntil : now;
        foreach (var window in windows)
        {
            if (window.NextAllowed(now) is not { } allowed)
            {
                return null;
            }

            next = allowed > next ? allowed : next;
        }

        return next;
    }

    private async Task WaitAsync(DateTimeOffset? until, Task changed, CancellationToken cancellationToken)
    {
        if (until is not { } at)
        {
            await changed.WaitAsync(cancellationToken);
            return;
        }

        // The delay is measured from the clock as the timer is made, not as the loop began: time that passed in
        // between (a busy machine, or a test advancing its clock) would otherwise be waited for twice.
        var wait = at - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        // A send ending can make room sooner than the delay says (it frees its place at once in windows it did not fill).
        using var early = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(wait, time, early.Token);
        await Task.WhenAny(timer, changed);
        await early.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
