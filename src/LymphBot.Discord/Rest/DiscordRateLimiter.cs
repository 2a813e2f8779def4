using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Rest;

/// <summary>
/// Per-route buckets learned from <c>X-RateLimit-*</c> headers (key = bucket hash + top-level resource id), the
/// global requests-per-second limit and the pauses a 429 orders. Times come from the injected clock.
/// </summary>
internal sealed class DiscordRateLimiter
{
    private const int PruneAbove = 5_000;

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);

    public DiscordRateLimiter(TimeProvider time, IOptions<DiscordOptions> options)
    {
        _time = time;
        Global = new GlobalRateGate(time, options.Value.GlobalRequestsPerSecond);
    }

    public GlobalRateGate Global { get; }

    public int BucketCount => _buckets.Count;

    /// <summary>The bucket-state key for a route: the learned hash when known, else the route itself.</summary>
    public string BucketKey(DiscordRoute route) =>
        (_hashByRoute.TryGetValue(route.Key, out var hash) ? hash : route.Key) + ":" + route.MajorId;

    /// <summary>Waits until the route's bucket and the global limit allow one request; dispose the result after the response.</summary>
    public async ValueTask<RateLimitBucket> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        if (_buckets.Count > PruneAbove)
        {
            Prune();
        }

        var bucket = _buckets.GetOrAdd(BucketKey(route), _ => new RateLimitBucket());
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (bucket.Remaining == 0 && now < bucket.ResetAt)
            {
                await Task.Delay(bucket.ResetAt - now, _time, cancellationToken);
            }

            if (bucket.Remaining == 0)
            {
                bucket.Remaining = null;
            }

            if (!route.ExemptFromGlobalLimit)
            {
                await Global.WaitAsync(cancellationToken);
            }

            bucket.LastUsed = _time.GetUtcNow();
            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>How long a request on this route would wait right now (for callers that would rather not wait long).</summary>
    public TimeSpan WaitFor(DiscordRoute route)
    {
        var now = _time.GetUtcNow();
        var wait = TimeSpan.Zero;
        if (!route.ExemptFromGlobalLimit && Global.PausedUntil > now)
        {
            wait = Global.PausedUntil - now;
        }

        if (_buckets.TryGetValue(BucketKey(route), out var bucket) && bucket.Remaining == 0 && bucket.ResetAt > now && bucket.ResetAt - now > wait)
        {
            wait = bucket.ResetAt - now;
        }

        return wait;
    }

    /// <summary>Learns from a response's headers; call while holding the bucket.</summary>
    public void Update(DiscordRoute route, RateLimitBucket bucket, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            if (!_hashByRoute.TryGetValue(route.Key, out var known) || known != hash)
            {
                _hashByRoute[route.Key] = hash;

                // Later requests key by hash; they must see what this response taught us.
                _buckets.TryAdd(hash + ":" + route.MajorId, bucket);
            }
        }

        if (int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            bucket.Remaining = remaining;
        }

        if (double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            bucket.ResetAt = _time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter);
        }
    }

    /// <summary>A 429: pause everything (global scope) or this bucket for <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(RateLimitBucket bucket, TimeSpan retryAfter, bool global)
    {
        if (global)
        {
            Global.Pause(retryAfter);
            return;
        }

        bucket.Remaining = 0;
        var until = _time.GetUtcNow() + retryAfter;
        if (until > bucket.ResetAt)
        {
            bucket.ResetAt = until;
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.ResetAt < now && now - bucket.LastUsed > TimeSpan.FromMinutes(1) && bucket.Gate.CurrentCount == 1)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }
}
