using System.Collections.Concurrent;
using LymphBot.Core.Turns;

namespace LymphBot.Core.Tests.Turns;

public sealed class ChatLanesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TryEnqueue_SlowChat_KeepsItsOrder_AndOtherChatsGoOn()
    {
        var gates = new ConcurrentDictionary<string, TaskCompletionSource>();
        var handled = new ConcurrentQueue<string>();
        using var lanes = new ChatLanes<string>(
            async (item, ct) =>
            {
                await gates.GetOrAdd(item, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(ct);
                handled.Enqueue(item);
            },
            (_, ex) => Assert.Fail(ex.ToString()));

        Open(gates, "b1");
        Open(gates, "a2");
        lanes.TryEnqueue("a", "a1");
        lanes.TryEnqueue("a", "a2");
        lanes.TryEnqueue("b", "b1");

        await WaitUntilAsync(() => handled.Contains("b1"));
        Assert.Equal(["b1"], handled);

        // a2 is free to go, but waits its turn behind a1.
        Open(gates, "a1");
        Assert.Equal(0, await lanes.DrainAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(["b1", "a1", "a2"], handled);
        Assert.Equal(0, lanes.ActiveLanes);
    }

    [Fact]
    public async Task TryEnqueue_WhenFull_Refuses_AndWaitForRoomReturnsOnceOneIsDone()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var lanes = new ChatLanes<int>((_, ct) => release.Task.WaitAsync(ct), (_, ex) => Assert.Fail(ex.ToString()), capacity: 2);

        Assert.True(lanes.TryEnqueue("a", 1));
        Assert.True(lanes.TryEnqueue("b", 2));
        Assert.False(lanes.TryEnqueue("c", 3));
        Assert.Equal(0, lanes.Room);
        var room = lanes.WaitForRoomAsync(CancellationToken.None);
        Assert.False(room.IsCompleted);

        release.SetResult();

        await room.WaitAsync(Patience);
        Assert.True(lanes.TryEnqueue("c", 3));
    }

    [Fact]
    public async Task Handler_Throws_IsReported_AndTheLaneGoesOn()
    {
        var failures = new ConcurrentQueue<int>();
        var handled = new ConcurrentQueue<int>();
        using var lanes = new ChatLanes<int>(
            (item, ct) => item == 1 ? throw new InvalidOperationException("boom") : Task.Run(() => handled.Enqueue(item), ct),
            (item, _) => failures.Enqueue(item));

        lanes.TryEnqueue("a", 1);
        lanes.TryEnqueue("a", 2);

        Assert.Equal(0, await lanes.DrainAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.Equal([1], failures);
        Assert.Equal([2], handled);
    }

    [Fact]
    public async Task MaxConcurrency_CapsLanes_ButWorkWithoutALaneRunsAtOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;
        var alone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var lanes = new ChatLanes<string>(
            async (item, ct) =>
            {
                if (item == "interaction")
                {
                    alone.SetResult();
                    return;
                }

                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await release.Task.WaitAsync(ct);
                Interlocked.Decrement(ref running);
            },
            (_, ex) => Assert.Fail(ex.ToString()),
            maxConcurrency: 2);

        for (var i = 0; i < 6; i++)
        {
            lanes.TryEnqueue("chat" + i, "message");
        }

        await WaitUntilAsync(() => Volatile.Read(ref running) == 2);
        lanes.TryEnqueue(null, "interaction");
        await alone.Task.WaitAsync(Patience);

        release.SetResult();
        Assert.Equal(0, await lanes.DrainAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task DrainAsync_OutOfTime_CancelsWhatRuns_DropsWhatWaits_AndSaysHowMany()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new ConcurrentQueue<int>();
        using var lanes = new ChatLanes<int>(
            async (item, ct) =>
            {
                started.Enqueue(item);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    cancelled.TrySetResult();
                }
            },
            (_, ex) => Assert.Fail(ex.ToString()),
            maxConcurrency: 1);
        lanes.TryEnqueue("a", 1);
        lanes.TryEnqueue("b", 2);
        await WaitUntilAsync(() => !started.IsEmpty);
        using var outOfTime = new CancellationTokenSource();
        await outOfTime.CancelAsync();

        Assert.Equal(2, await lanes.DrainAsync(outOfTime.Token).WaitAsync(Patience));

        await cancelled.Task.WaitAsync(Patience);
        await WaitUntilAsync(() => lanes.Pending == 0);
        Assert.Single(started);
    }

    private static void Open(ConcurrentDictionary<string, TaskCompletionSource> gates, string item) =>
        gates.GetOrAdd(item, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
