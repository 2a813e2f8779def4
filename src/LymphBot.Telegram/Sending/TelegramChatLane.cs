using LymphBot.Core.Sending;

namespace LymphBot.Telegram.Sending;

/// <summary>
/// One chat's place in the pacer: a gate so its messages go out one at a time and in order, and the windows that keep
/// it within Telegram's per-chat limits.
/// </summary>
public sealed class TelegramChatLane
{
    internal TelegramChatLane(long chatId, SendWindow[] chatWindows, SendWindow[] globalWindows)
    {
        ChatId = chatId;
        ChatWindows = chatWindows;
        AllWindows = [.. globalWindows, .. chatWindows];
    }

    public long ChatId { get; }

    internal SendWindow[] ChatWindows { get; }

    internal SendWindow[] AllWindows { get; }

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    internal int Users { get; set; }

    /// <summary>Nobody is waiting on it and its windows have been empty since <paramref name="cutoff"/>.</summary>
    internal bool IsIdleSince(DateTimeOffset cutoff) =>
        Users == 0 && ChatWindows.All(w => w.InFlight == 0 && w.LastActivity <= cutoff);
}
