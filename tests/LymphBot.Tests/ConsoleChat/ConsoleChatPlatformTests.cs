using LymphBot.ConsoleChat;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;

namespace LymphBot.Tests.ConsoleChat;

public sealed class ConsoleChatPlatformTests
{
    [Fact]
    public async Task StdoutNobodyReads_OneWriterWaitsOnIt_OtherSendsWaitWithoutAThreadAndCanBeCancelled()
    {
        // A full stdout pipe blocks the write: the fault the graceful-shutdown test met when a lock here held a
        // thread-pool thread per waiting send and starved the pool, so SIGTERM waited seconds for a thread.
        using var stalled = new StalledWriter();
        using var platform = new ConsoleChatPlatform(new ConsoleStreams(TextReader.Null, stalled, isInteractive: false));
        var first = Task.Run(() => platform.SendAsync(ConsoleChatPlatform.LocalChat, Reply.Plain("first"), SendRequest.Unprompted, CancellationToken.None));
        Assert.True(stalled.Entered.Wait(TimeSpan.FromSeconds(10)), "the first write did not start");

        using var shutdown = new CancellationTokenSource();
        var waiting = Enumerable.Range(0, 20)
            .Select(i => platform.SendAsync(ConsoleChatPlatform.LocalChat, Reply.Plain($"reminder {i}"), SendRequest.Unprompted, shutdown.Token))
            .ToList();

        // Each call returned at once with a pending task (the caller's thread was not held), and gives up when asked.
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        await shutdown.CancelAsync();
        foreach (var send in waiting)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        stalled.Release();
        Assert.Equal(1, (await first.WaitAsync(TimeSpan.FromSeconds(10))).PartsSent);
        Assert.Equal("first" + Environment.NewLine + Environment.NewLine, stalled.Written);
    }

    /// <summary>A terminal whose first write blocks until released, as stdout does when its pipe is full.</summary>
    private sealed class StalledWriter : StringWriter
    {
        private readonly ManualResetEventSlim _released = new();

        public ManualResetEventSlim Entered { get; } = new();

        public string Written => ToString();

        public void Release() => _released.Set();

        public override void Write(char[] buffer, int index, int count)
        {
            Entered.Set();
            _released.Wait(TimeSpan.FromSeconds(30));
            base.Write(buffer, index, count);
        }

        public override void Write(string? value)
        {
            Entered.Set();
            _released.Wait(TimeSpan.FromSeconds(30));
            base.Write(value);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _released.Dispose();
                Entered.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
