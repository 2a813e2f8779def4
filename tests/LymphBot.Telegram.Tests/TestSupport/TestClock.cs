using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which timers are pending, so a test can run time forward one timer
/// at a time (<see cref="AdvanceUntilAsync"/>) instead of sleeping: every pending timer is a deliberate wait of the
/// code under test (pacing, backoff, retry_after), because network timeouts use real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(20);

    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly Lock _gate = new();
    private readonly Lock _advancing = new();
    private readonly List<TrackedTimer> _timers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _nextTimerFault;

    public DateTimeOffset Start { get; } = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Due times (relative to now) of the timers waiting right now.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays
    {
        get
        {
            lock (_gate)
            {
                var now = GetUtcNow();
                return [.. _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - now).Order()];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (Interlocked.Exchange(ref _nextTimerFault, null) is { } fault)
        {
            throw fault;
        }

        var tracked = new TrackedTimer(this);

        // Tracked and created as one step: time moved between the two would leave a tracked due time that the fake
        // timer does not share, and a wait for it that never ends.
        lock (_advancing)
        {
            Track(tracked, dueTime, period);
            tracked.Inner = _fake.CreateTimer(
                s =>
                {
                    Fired(tracked);
                    callback(s);
                },
                state,
                dueTime,
                period);
        }

        return tracked;
    }

    public void Advance(TimeSpan by)
    {
        // Reentrant: a timer's callback may run code that creates the next timer on this thread.
        lock (_advancing)
        {
            _fake.Advance(by);
        }
    }

    /// <summary>The next timer anyone asks for throws <paramref name="fault"/>: a defect where the code under test waits.</summary>
    public void FailNextTimer(Exception fault) => _nextTimerFault = fault;

    /// <summary>
    /// Until <paramref name="done"/> holds: fires the earliest pending timer by moving time to it, or, when none is
    /// pending, waits for a timer, for <paramref name="otherSignal"/> (e.g. the stand-in's next request) or a short
    /// moment of real time, then looks again. Only timers move the fake clock, so the outcome never depends on speed.
    /// Fails after 15 s of real time rather than hanging.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, Func<Task>? otherSignal = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        var deadline = Stopwatch.GetTimestamp() + (15 * Stopwatch.Frequency);
        while (true)
        {
            var changed = Changed;
            var other = otherSignal?.Invoke() ?? Task.Delay(Timeout.Infinite);
            if (done())
            {
                return;
            }

            DateTimeOffset? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due is not null).Select(t => t.Due).Min();
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (next is { } due && left > TimeSpan.Zero)
            {
                var step = due - GetUtcNow();
                Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
                await Task.Yield();
                continue;
            }

            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(next is null
                    ? "The condition did not hold and no timer was pending."
                    : "The condition did not hold within 15 s of real time, though timers kept firing.");
            }

            // Some conditions (a task finishing, a port called) have no signal: look again soon as well.
            await Task.WhenAny(changed, other, Task.Delay(left < RecheckInterval ? left : RecheckInterval));
        }
    }

    private void Track(TrackedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : GetUtcNow() + dueTime;
            timer.Period = period;
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }

            signal = Pulse();
        }

        signal.TrySetResult();
    }

    private void Fired(TrackedTimer timer)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            timer.Due = timer.Period == Timeout.InfiniteTimeSpan || timer.Period == TimeSpan.Zero ? null : timer.Due + timer.Period;
            signal = Pulse();
        }

        signal.TrySetResult();
    }

    private void Untrack(TrackedTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private TaskCompletionSource Pulse()
    {
        var signal = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return signal;
    }

    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        public ITimer? Inner { get; set; }

        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._advancing)
            {
                clock.Track(this, dueTime, period);
                return Inner!.Change(dueTime, period);
            }
        }

        public void Dispose()
        {
            clock.Untrack(this);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
