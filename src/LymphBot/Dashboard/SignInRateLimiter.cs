using System.Collections.Concurrent;
using LymphBot.Core.Dashboard;
using Microsoft.Extensions.Options;

namespace LymphBot.Dashboard;

/// <summary>
/// Sign-in requests per client address (<see cref="ClientAddress"/>): <c>Dashboard:SignInAttemptsPerMinute</c> in each fixed minute. Not ASP.NET
/// Core's rate-limiting middleware: its partitioned limiter ticks a 100 ms timer for the life of the process, waking
/// an idle bot ten times a second, and reads the clock past <see cref="TimeProvider"/>. This costs nothing until
/// someone signs in, and forgets an address once its minute is over.
/// </summary>
public sealed class SignInRateLimiter(IOptions<DashboardOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Counter> _byAddress = new(StringComparer.Ordinal);

    /// <summary>Counts one attempt; <c>false</c> when the address has used up its minute.</summary>
    public bool TryAcquire(string address)
    {
        var now = time.GetUtcNow();
        if (_byAddress.Count > 1000)
        {
            foreach (var stale in _byAddress.Where(p => now - p.Value.Start >= Window))
            {
                _byAddress.TryRemove(stale);
            }
        }

        var counter = _byAddress.AddOrUpdate(
            address,
            _ => new Counter(now, 1),
            (_, c) => now - c.Start >= Window ? new Counter(now, 1) : c with { Count = c.Count + 1 });
        return counter.Count <= options.Value.SignInAttemptsPerMinute;
    }

    private sealed record Counter(DateTimeOffset Start, int Count);
}
