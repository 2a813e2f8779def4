using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// One platform's deliveries added up for a stretch of first-due time (an hour, a window), lateness as a histogram of
/// whole seconds, so tallies of hours merge into a window's exactly: the percentiles of the merged histogram are those
/// of all its deliveries (whole seconds, cut toward zero, as the page shows them), not an estimate.
/// </summary>
internal sealed class DeliveryTally
{
    private static readonly long OnTimeMs = (long)SqlOverviewQuery.OnTimeWithin.TotalMilliseconds;
    private readonly SortedDictionary<long, long> _lateness = [];
    private readonly Dictionary<string, long> _failures = new(StringComparer.Ordinal);
    private long _due, _sent, _onTime, _retries, _waits, _waitMs;

    /// <summary>One delivery: <paramref name="sentAfterMs"/> is how long after its first due time it was sent, or null if it was not.</summary>
    public void Add(long? sentAfterMs, long retries, long waits, long waitMs)
    {
        _due++;
        _retries += retries;
        _waits += waits;
        _waitMs += waitMs;
        if (sentAfterMs is { } after)
        {
            // A clock a moment behind can make a send look early; it was on time, not negative.
            var late = Math.Max(0, after / 1000);
            _sent++;
            _lateness[late] = _lateness.GetValueOrDefault(late) + 1;
            if (after <= OnTimeMs)
            {
                _onTime++;
            }
        }
    }

    public void Add(Row row)
    {
        Add(row.SentAfterMs, row.Retries, row.Waits, row.WaitMs);
        if (row.Failure is { } failure)
        {
            AddFailure(failure, 1);
        }
    }

    public void AddFailure(string reason, long count) => _failures[reason] = _failures.GetValueOrDefault(reason) + count;

    public void Add(DeliveryTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (_due, _sent, _onTime) = (_due + other._due, _sent + other._sent, _onTime + other._onTime);
        (_retries, _waits, _waitMs) = (_retries + other._retries, _waits + other._waits, _waitMs + other._waitMs);
        foreach (var (seconds, count) in other._lateness)
        {
            _lateness[seconds] = _lateness.GetValueOrDefault(seconds) + count;
        }

        foreach (var (reason, count) in other._failures)
        {
            AddFailure(reason, count);
        }
    }

    public DeliveryWindow ToWindow(long unreachable) => new(
        _due,
        _sent,
        _onTime,
        Percentile(0.50),
        Percentile(0.95),
        _retries,
        _waits,
        TimeSpan.FromMilliseconds(_waitMs),
        [.. _failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => new FailureCount(f.Key, f.Value))],
        unreachable);

    /// <summary>One delivery as read: how long after its first due time it was sent (null: not sent), its retries and 429 waits, why it failed (null: it did not).</summary>
    public readonly record struct Row(long? SentAfterMs, long Retries, long Waits, long WaitMs, string? Failure);

    /// <summary>The nearest-rank percentile: the smallest lateness at least <paramref name="p"/> of the sends did not exceed.</summary>
    private TimeSpan? Percentile(double p)
    {
        if (_sent == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(p * _sent);
        long seen = 0;
        foreach (var (seconds, count) in _lateness)
        {
            seen += count;
            if (seen >= rank)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return TimeSpan.FromSeconds(_lateness.Keys.Last());
    }
}
