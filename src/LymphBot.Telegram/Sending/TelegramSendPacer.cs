using LymphBot.Core.Sending;
using Microsoft.Extensions.Options;

namespace LymphBot.Telegram.Sending;

/// <summary>
/// Keeps every send (replies and reminders alike) within Telegram's limits: about 30 messages/s overall, one per
/// second per chat, 20 per minute per group; and pauses everything for <c>retry_after</c> after a 429. Core's
/// <see cref="SendPace"/> holds each message's place in those windows from the moment it starts until a window after
/// Telegram answered, so however the network delays requests, Telegram never sees more than the cap in any sliding
/// window. Per chat, messages go out one at a time and in order (<see cref="TelegramChatLane"/>).
/// </summary>
public sealed class TelegramSendPacer : IDisposable
{
    private const int PruneThreshold = 10_000;

    private readonly TimeProvider _time;
    private readonly TelegramOptions _options;
    private readonly SendPace _pace;
    private readonly SendWindow[] _global;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TelegramChatLane> _lanes = [];
    private int _sendsInProgress;

    public TelegramSendPacer(IOptions<TelegramOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _pace = new SendPace(time);
        // Not spaced: the cap is what Telegram counts, so sends may go out together as long as no window holds more.
        _global = _options.Pacing ? [new SendWindow(_options.MessagesPerSecond, TimeSpan.FromSeconds(1) + _options.PacingMargin, spaced: false)] : [];
        if (_options.Pacing && _options.StartHold > TimeSpan.Zero)
        {
            // Built as the host starts (the receiver needs it), so this holds the first second of the process.
            _pace.PauseFor(_options.StartHold);
        }
    }

    /// <summary>Messages entered and not yet left: waiting for their chat or their turn, or being sent.</summary>
    public int SendsInProgress => Volatile.Read(ref _sendsInProgress);

    /// <summary>Waits until the chat's previous message is out, then holds the chat until <see cref="Leave"/>.</summary>
    public async Task<TelegramChatLane> EnterAsync(long chatId, CancellationToken cancellationToken)
    {
        TelegramChatLane? lane;
        lock (_gate)
        {
            if (!_lanes.TryGetValue(chatId, out lane))
            {
                if (_lanes.Count >= PruneThreshold)
                {
                    Prune();
                }

                lane = new TelegramChatLane(chatId, WindowsFor(chatId), _global);
                _lanes[chatId] = lane;
            }

            lane.Users++;
            _sendsInProgress++;
        }

        try
        {
            await lane.Gate.WaitAsync(cancellationToken);
            return lane;
        }
        catch
        {
            lock (_gate)
            {
                lane.Users--;
                _sendsInProgress--;
            }

            throw;
        }
    }

    public void Leave(TelegramChatLane lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        lane.Gate.Release();
        lock (_gate)
        {
            lane.Users--;
            _sendsInProgress--;
        }
    }

    /// <summary>
    /// Waits for the next moment this chat may receive a message within every limit; the returned turn holds the
    /// message's place until disposed, when Telegram has answered.
    /// </summary>
    public async Task<SendTurn> WaitTurnAsync(TelegramChatLane lane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lane);

        // The chat's own limit first, outside the pace's turnstile, so one busy chat does not hold up the others. Only
        // this chat's one message at a time uses its windows, so the wait stays true once it is over.
        while (_pace.NextAllowed(lane.ChatWindows) is { } allowed && allowed > _time.GetUtcNow())
        {
            await Task.Delay(allowed - _time.GetUtcNow(), _time, cancellationToken);
        }

        return await _pace.WaitTurnAsync(lane.AllWindows, cancellationToken);
    }

    /// <summary>Telegram said 429: no message to any chat goes out before <paramref name="retryAfter"/> has passed.</summary>
    public void PauseFor(TimeSpan retryAfter) => _pace.PauseFor(retryAfter);

    public void Dispose()
    {
        _pace.Dispose();
        lock (_gate)
        {
            foreach (var lane in _lanes.Values)
            {
                lane.Gate.Dispose();
            }
        }
    }

    private SendWindow[] WindowsFor(long chatId)
    {
        if (!_options.Pacing)
        {
            return [];
        }

        var margin = _options.PacingMargin;
        var windows = new List<SendWindow>();
        if (_options.ChatInterval > TimeSpan.Zero)
        {
            windows.Add(new SendWindow(1, _options.ChatInterval + margin, spaced: false));
        }

        // Private chats have positive ids; groups, supergroups and channels negative ones.
        if (chatId < 0)
        {
            windows.Add(new SendWindow(_options.GroupMessagesPerMinute, TimeSpan.FromMinutes(1) + margin, spaced: false));
        }

        return [.. windows];
    }

    private void Prune()
    {
        var cutoff = _time.GetUtcNow() - TimeSpan.FromMinutes(1) - _options.PacingMargin;
        var idle = _pace.Inspect(_ => _lanes.Where(l => l.Value.IsIdleSince(cutoff)).ToList());
        foreach (var (id, lane) in idle)
        {
            _lanes.Remove(id);
            lane.Gate.Dispose();
        }
    }
}
