using System.Threading.Channels;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;

namespace LymphBot.Testing.Chat;

/// <summary>A chat platform named "test" that records every send, optionally failing some, for delivery tests.</summary>
public sealed class RecordingPlatform : IChatPlatform
{
    public const string PlatformName = "test";

    private readonly Channel<(ChatAddress Address, Reply Reply)> _sent = Channel.CreateUnbounded<(ChatAddress, Reply)>();
    private readonly List<(ChatAddress Address, Reply Reply)> _all = [];

    public string Name => PlatformName;

    /// <summary>Decides a send's fate before it is recorded: return a report to answer with it instead (not sent).</summary>
    public Func<ChatAddress, SendReport?> Fail { get; set; } = _ => null;

    /// <summary>What a send waits for before it is answered (a send that hangs until the client gives up); none by default.</summary>
    public Func<ChatAddress, Task> Answer { get; set; } = _ => Task.CompletedTask;

    /// <summary>Whether it claims to post a repeat once (as Discord does with a nonce). Default: no, like Telegram.</summary>
    public bool DeduplicatesRepeats { get; set; }

    public IReadOnlyList<(ChatAddress Address, Reply Reply)> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>The clock sends are stamped with (the test's fake clock).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>When each send was attempted, failed ones included.</summary>
    public List<DateTimeOffset> Attempts { get; } = [];

    public async Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        lock (Attempts)
        {
            Attempts.Add(Time.GetUtcNow());
        }

        await Answer(address);
        if (Fail(address) is { } failure)
        {
            return failure;
        }

        lock (_all)
        {
            _all.Add((address, reply));
        }

        _sent.Writer.TryWrite((address, reply));
        return SendReport.Done(1);
    }

    public async Task<(ChatAddress Address, Reply Reply)> NextAsync(TimeSpan? timeout = null) =>
        await _sent.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(20));

    public bool TryNext(out (ChatAddress Address, Reply Reply) sent) => _sent.Reader.TryRead(out sent);
}
