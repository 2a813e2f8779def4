namespace LymphBot.Discord.Rest;

/// <summary>
/// Counts 401, 403 and 429 responses over a sliding 10 minutes. Discord bans the IP for a while at 10,000; we stop
/// sending well before that (at <see cref="Threshold"/>) and report "rate limited" until the window slides on.
/// </summary>
internal sealed class InvalidRequestCounter(TimeProvider time)
{
    public const int Threshold = 9_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> _hits = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                Trim(time.GetUtcNow());
                return _hits.Count;
            }
        }
    }

    public void Record()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Trim(now);
            _hits.Enqueue(now);
        }
    }

    /// <summary>When sending is refused: how long until the count drops below the threshold; otherwise <c>null</c>.</summary>
    public TimeSpan? RefuseFor()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Trim(now);
            if (_hits.Count < Threshold)
            {
                return null;
            }

            // The window drops below the threshold once enough of the oldest hits expire.
            var index = _hits.Count - Threshold;
            var expiring = _hits.ElementAt(index);
            return expiring + Window - now;
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_hits.Count > 0 && _hits.Peek() <= now - Window)
        {
            _hits.Dequeue();
        }
    }
}
