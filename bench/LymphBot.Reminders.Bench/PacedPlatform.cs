using System.Diagnostics;
using LymphBot.Core.Chat;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// Holds an inner platform to <c>limit</c> sends in any one-second window, spread evenly (one every 1/limit s).
/// The even spacing follows an ideal schedule, so timer lateness does not accumulate into a lower rate; the hard
/// window (no send starts less than one second after the send <c>limit</c> places before it finished starting)
/// catches the jitter, so the cap holds for the timestamps the inner platform records. The inner send is started
/// under the gate; only its synchronous part runs there.
/// </summary>
internal sealed class PacedPlatform(IChatPlatform inner, int limit) : IChatPlatform
{
    private static readonly long Second = Stopwatch.Frequency;

    private readonly Lock _gate = new();
    private readonly long[] _window = new long[limit];
    private readonly long _spacing = Stopwatch.Frequency / limit;
    private int _oldest;
    private long _nextSlot;

    public string Name => inner.Name;

    public async Task SendAsync(ChatAddress address, Reply reply, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? send = null;
            long wait;
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                var windowOpensAt = _window[_oldest] == 0 ? 0 : _window[_oldest] + Second;
                var ready = Math.Max(_nextSlot, windowOpensAt);
                if (now >= ready)
                {
                    // A send a little late keeps its ideal slot (no drift); after a pause the schedule restarts from now
                    // instead of bursting to catch up.
                    _nextSlot = Math.Max(_nextSlot, now - (_spacing / 2)) + _spacing;
                    send = inner.SendAsync(address, reply, cancellationToken);
                    _window[_oldest] = Stopwatch.GetTimestamp();
                    _oldest = (_oldest + 1) % _window.Length;
                    wait = 0;
                }
                else
                {
                    wait = ready - now;
                }
            }

            if (send is not null)
            {
                await send;
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), TimeProvider.System, cancellationToken);
        }
    }
}
