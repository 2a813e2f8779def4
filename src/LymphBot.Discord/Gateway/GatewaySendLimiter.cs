namespace LymphBot.Discord.Gateway;

/// <summary>
/// Discord closes a connection that sends more than 120 payloads per 60 s. This sliding window keeps the last few
/// slots for heartbeats, so a burst of other sends can never starve them.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int ReservedForHeartbeats = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    public async ValueTask WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() <= now - Window)
                {
                    _sent.Dequeue();
                }

                var allowed = heartbeat ? Limit : Limit - ReservedForHeartbeats;
                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.ElementAt(_sent.Count - allowed) + Window - now;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
