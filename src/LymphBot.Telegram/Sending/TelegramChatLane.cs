namespace LymphBot.Telegram.Sending;

/// <summary>
/// One chat's place in the pacer: a gate so its messages go out one at a time and in order (retries included),
/// and the windows that keep it within Telegram's per-chat limits.
/// </summary>
public sealed class TelegramChatLane
{
    private readonly SendWindow[] _windows;

    internal TelegramChatLane(long chatId, SendWindow[] windows)
    {
        ChatId = chatId;
        _windows = windows;
    }

    public long ChatId { get; }

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    internal int Users { get; set; }

    internal DateTimeOffset NextAllowed(DateTimeOffset now)
    {
        var next = now;
        foreach (var window in _windows)
        {
            var allowed = window.NextAllowed(now);
            next = allowed > next ? allowed : next;
        }

        return next;
    }

    internal void Record(DateTimeOffset at)
    {
        foreach (var window in _windows)
        {
            window.Record(at);
        }
    }

    internal bool IsIdleSince(DateTimeOffset cutoff) =>
        Users == 0 && _windows.All(w => w.LastSent is not { } last || last <= cutoff);
}
