using System.Diagnostics;
using Quartz;

namespace LymphBot.Reminders.Bench;

/// <summary>Stamps when a slot job starts and ends (the fan-out), with <see cref="Stopwatch.GetTimestamp"/>.</summary>
internal sealed class SlotFireListener : IJobListener
{
    private readonly TaskCompletionSource<long> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "bench-slot-fires";

    public Task<long> Started => _started.Task;

    public Task<long> Finished => _finished.Task;

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        _started.TrySetResult(Stopwatch.GetTimestamp());
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is not null)
        {
            _finished.TrySetException(jobException);
        }

        _finished.TrySetResult(Stopwatch.GetTimestamp());
        return ValueTask.CompletedTask;
    }
}
