namespace LymphBot.Core.Sending;

/// <summary>
/// At most <c>limit</c> sends in any window of <c>window</c>, as the platform sees them, whatever the network does
/// to each request's timing. A send counts from the moment it starts until <c>window</c> after it ends: the platform
/// receives it somewhere in between, so counting that whole span is the only way to be sure. (Counting start times
/// alone lets requests delayed on the way bunch up with later ones: 46-58 in one second against a cap of 30.)
/// Starts are also spaced <c>window / limit</c> apart, so the cap is reached evenly rather than in bursts.
/// Not thread-safe: <see cref="SendPace"/> serialises access.
/// </summary>
public sealed class SendWindow
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeSpan _spacing;
    private readonly List<DateTimeOffset> _ended = [];
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private int _inFlight;

    /// <param name="limit">Sends allowed in any window.</param>
    /// <param name="window">The window's length.</param>
    /// <param name="spaced">Whether starts are spread evenly over the window (global caps) or may come together (a chat's 1 per second).</param>
    public SendWindow(int limit, TimeSpan window, bool spaced = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = limit;
        _window = window;
        _spacing = spaced ? window / limit : TimeSpan.Zero;
    }

    /// <summary>Sends started and not ended.</summary>
    public int InFlight => _inFlight;

    /// <summary>When the last send ended or started, for forgetting idle windows.</summary>
    public DateTimeOffset LastActivity => _ended.Count > 0 && _ended[^1] > _lastStart ? _ended[^1] : _lastStart;

    /// <summary>
    /// The earliest moment a new send may start; <c>null</c> when every place in the window is taken by a send still
    /// in flight, so only one of them ending can make room.
    /// </summary>
    public DateTimeOffset? NextAllowed(DateTimeOffset now)
    {
        _ended.RemoveAll(end => end <= now - _window);
        var occupied = _inFlight + _ended.Count;
        DateTimeOffset next;
        if (occupied < _limit)
        {
            next = now;
        }
        else if (_inFlight >= _limit)
        {
            return null;
        }
        else
        {
            // Enough finished sends must age out of the window: the (occupied - limit + 1)-th oldest end decides.
            _ended.Sort();
            next = _ended[occupied - _limit] + _window;
        }

        var spaced = _lastStart + _spacing;
        return spaced > next ? spaced : next;
    }

    public void Begin(DateTimeOffset at)
    {
        _inFlight++;
        _lastStart = at;
    }

    /// <summary>A send that began has ended (answered, failed or timed out) at <paramref name="at"/>.</summary>
    public void End(DateTimeOffset at)
    {
        if (_inFlight == 0)
        {
            throw new InvalidOperationException("A send ended that never began.");
        }

        _inFlight--;
        _ended.Add(at);
    }
}
