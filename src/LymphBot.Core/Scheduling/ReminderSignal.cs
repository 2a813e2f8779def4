namespace LymphBot.Core.Scheduling;

/// <summary>Wakes the sender when new occurrences are written, instead of it polling the outbox in a tight loop.</summary>
public sealed class ReminderSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        return WaitCoreAsync(timeout, time, cancellationToken);
    }

    private async Task<bool> WaitCoreAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timer.Token);
        var wait = _signal.WaitAsync(timer.Token);
        var first = await Task.WhenAny(delay, wait);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == wait && wait.IsCompletedSuccessfully;
    }
}
