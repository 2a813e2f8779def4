using Microsoft.Extensions.Options;

namespace LymphBot.Telegram.Sending;

/// <summary>
/// Keeps every send (replies and reminders alike) within Telegram's limits: about 30 messages/s overall, one per
/// second per chat, 20 per minute per group; and pauses everything for <c>retry_after</c> after a 429. It judges
/// windows on the times sends really went out, so it runs at the cap and never over it. Time comes from
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class TelegramSendPacer : IDisposable
{
    private const int PruneThreshold = 10_000;

    private readonly TimeProvider _time;
    private readonly TelegramOptions _options;
    private readonly SendWindow? _global;
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TelegramChatLane> _lanes = [];
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _sendsInProgress;

    public TelegramSendPacer(IOptions<TelegramOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        if (_options.Pacing)
        {
            _global = new SendWindow(_options.MessagesPerSecond, TimeSpan.FromSeconds(1) + _options.PacingMargin);
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

                lane = new TelegramChatLane(chatId, WindowsFor(chatId));
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

    /// <summary>Waits for the next moment this chat may receive a message, and counts the send at that moment.</summary>
    public async Task WaitTurnAsync(TelegramChatLane lane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lane);
        if (_global is null)
        {
            return;
        }

        // Wait for the chat's own limit first, outside the turnstile, so one busy chat does not hold up the others.
        await WaitUntilAsync(lane.NextAllowed, cancellationToken);

        // The turnstile lets one sender at a time check and claim the global window, in arrival order.
        await _turnstile.WaitAsync(cancellationToken);
        try
        {
            var now = await WaitUntilAsync(at => Later(Later(_global.NextAllowed(at), PausedUntil), lane.NextAllowed(at)), cancellationToken);
            _global.Record(now);
            lane.Record(now);
        }
        finally
        {
            _turnstile.Release();
        }
    }

    /// <summary>Telegram said 429: no message to any chat goes out before <paramref name="retryAfter"/> has passed.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        var until = _time.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            _pausedUntil = Later(_pausedUntil, until);
        }
    }

    public void Dispose()
    {
        _turnstile.Dispose();
        lock (_gate)
        {
            foreach (var lane in _lanes.Values)
            {
                lane.Gate.Dispose();
            }
        }
    }

    private DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task<DateTimeOffset> WaitUntilAsync(Func<DateTimeOffset, DateTimeOffset> nextAllowed, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            var next = nextAllowed(now);
            if (next <= now)
            {
                return now;
            }

            await Task.Delay(next - now, _time, cancellationToken);
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
            windows.Add(new SendWindow(1, _options.ChatInterval + margin));
        }

        // Private chats have positive ids; groups, supergroups and channels negative ones.
        if (chatId < 0)
        {
            windows.Add(new SendWindow(_options.GroupMessagesPerMinute, TimeSpan.FromMinutes(1) + margin));
        }

        return [.. windows];
    }

    private void Prune()
    {
        var cutoff = _time.GetUtcNow() - TimeSpan.FromMinutes(1) - _options.PacingMargin;
        foreach (var (id, lane) in _lanes.Where(l => l.Value.IsIdleSince(cutoff)).ToList())
        {
            _lanes.Remove(id);
            lane.Gate.Dispose();
        }
    }
}
