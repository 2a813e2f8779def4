namespace LymphBot.Discord.Rest;

/// <summary>
/// Discord's global limit (requests per second per token) plus the pause a global 429 orders. Interaction callbacks
/// and follow-ups are exempt and never come here.
/// </summary>
internal sealed class GlobalRateGate(TimeProvider time, int perSecond)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart;
    private int _inWindow;
    private DateTimeOffset _pausedUntil;

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    public void Pause(TimeSpan duration)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + duration;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (now < _pausedUntil)
                {
                    wait = _pausedUntil - now;
                }
                else
                {
                    if (now - _windowStart >= Second)
                    {
                        _windowStart = now;
                        _inWindow = 0;
                    }

                    if (_inWindow < perSecond)
                    {
                        _inWindow++;
                        return;
                    }

                    wait = _windowStart + Second - now;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
