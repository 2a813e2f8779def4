using System.Diagnostics;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// The stand-in chat platform: sends nothing, stamps each send with <see cref="Stopwatch.GetTimestamp"/> and says
/// when the expected number has arrived.
/// </summary>
internal sealed class BenchPlatform(int expected) : IChatPlatform
{
    public const string PlatformName = "bench";

    private readonly long[] _stamps = new long[expected];
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private int _extra;

    public string Name => PlatformName;

    public int Count => Math.Min(Volatile.Read(ref _count), _stamps.Length);

    /// <summary>Sends beyond the expected number (a duplicate delivery would show up here).</summary>
    public int Extra => Volatile.Read(ref _extra);

    public Task AllSent => _all.Task;

    public bool DeduplicatesRepeats => false;

    public Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        var stamp = Stopwatch.GetTimestamp();
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _stamps.Length)
        {
            _stamps[index] = stamp;
            if (index == _stamps.Length - 1)
            {
                _all.TrySetResult();
            }
        }
        else
        {
            Interlocked.Increment(ref _extra);
        }

        return Task.FromResult(SendReport.Done(1));
    }

    /// <summary>The send timestamps recorded so far, sorted.</summary>
    public long[] SortedStamps()
    {
        var copy = _stamps.AsSpan(0, Count).ToArray();
        Array.Sort(copy);
        return copy;
    }
}
