using System.Collections.Concurrent;
using LymphBot.Storage;

namespace LymphBot.Dashboard;

/// <summary>
/// A page's figures kept while nothing they are read from has changed (the area's number in
/// <see cref="DashboardVersions"/>) and for at most <see cref="Lifetime"/> of the clock, since some figures move with time
/// alone (a 24-hour window, the age of the oldest waiting reminder). Reading the version is one small query; the figures
/// it saves read up to 25,000 rows, which on a busy machine took most of the 100 ms a page may take.
/// </summary>
public sealed class VersionedCache<T>(DashboardVersions versions, TimeProvider time)
    where T : class
{
    /// <summary>How long figures may lag the clock when nothing is written.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Keys kept (one per view: operators, and each moderator's set of chats); past it the cache starts again.</summary>
    private const int MaxKeys = 256;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The figures for <paramref name="key"/>, loaded again when <paramref name="area"/> changed, the lifetime passed, or
    /// <paramref name="dependsOn"/> is no longer the object they were loaded with (the knowledge base after a reload).
    /// </summary>
    public async Task<T> GetAsync(string key, string area, object? dependsOn, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();

        // Read before loading: a write that lands during the load changes the next reading, so the figures are loaded
        // again then; reading after would file figures from before that write under the version that includes it.
        var current = await versions.ReadAsync(area, cancellationToken);
        if (_entries.TryGetValue(key, out var entry)
            && entry.Version == current
            && ReferenceEquals(entry.DependsOn, dependsOn)
            && now >= entry.At
            && now - entry.At < Lifetime)
        {
            return entry.Value;
        }

        var value = await load(cancellationToken);
        if (_entries.Count >= MaxKeys)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(current, dependsOn, now, value);
        return value;
    }

    private sealed record Entry(long Version, object? DependsOn, DateTimeOffset At, T Value);
}
