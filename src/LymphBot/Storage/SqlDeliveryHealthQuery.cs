using Dapper;
using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// The delivery health page's figures, per platform, for operators (every chat). Deliveries count in a window by the
/// time they were first due; lateness percentiles come from a per-second histogram the database groups, so the
/// same SQL runs on SQLite (which has no percentile function) and PostgreSQL, and only a few hundred rows come back.
/// </summary>
public sealed class SqlDeliveryHealthQuery(Database database)
{
    /// <summary>Zones shown in their own row of the heat map; the rest share one.</summary>
    public const int HeatMapZones = 12;

    private const string FirstDue = SqlOverviewQuery.FirstDue;

    public async Task<DeliveryHealth> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Now = now.ToUnixTimeMilliseconds(),
            Day = (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds(),
            Week = (now - TimeSpan.FromDays(7)).ToUnixTimeMilliseconds(),
        };
        var recent = $"CASE WHEN {FirstDue} >= @Day THEN 1 ELSE 0 END";
        var inWeek = $"due_at >= @Week AND {FirstDue} >= @Week AND {FirstDue} <= @Now";
        const string WasSent = "state IN ('Sent', 'SentUnconfirmed') AND completed_at IS NOT NULL";

        await using var connection = await database.OpenAsync(cancellationToken);
        var tallies = new SortedDictionary<string, (WindowTally Day, WindowTally Week)>(StringComparer.Ordinal);
        (WindowTally Day, WindowTally Week) For(string platform)
        {
            if (!tallies.TryGetValue(platform, out var pair))
            {
                tallies[platform] = pair = (new WindowTally(), new WindowTally());
            }

            return pair;
        }

        // The week's deliveries one by one, added up here, from ix_reminder_deliveries_window: per delivery its platform,
        // when it was first due and, once sent, how long after; the retry and rate-limit counts only of the few that
        // had any. Grouping them in SQL by platform, window, state and lateness sorted every row on SQLite, and each
        // column read from a row costs about as much as counting it (25,000 rows: 48 ms grouped, 40 ms with every
        // column read, 25 ms like this).
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"SELECT platform, {FirstDue}, CASE WHEN {WasSent} THEN completed_at - {FirstDue} END, " +
                "CASE WHEN retries > 0 OR rate_limit_waits > 0 OR rate_limit_wait_ms > 0 THEN 1 END, retries, rate_limit_waits, rate_limit_wait_ms " +
                $"FROM reminder_deliveries WHERE {inWeek}";
            command.AddParameter("Week", parameters.Week);
            command.AddParameter("Now", parameters.Now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (day, week) = For(reader.GetString(0));
                var sentAfter = reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2);
                var (retries, waits, waitMs) = reader.IsDBNull(3) ? (0L, 0L, 0L) : (reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
                week.Add(sentAfter, retries, waits, waitMs);
                if (reader.GetInt64(1) >= parameters.Day)
                {
                    day.Add(sentAfter, retries, waits, waitMs);
                }
            }
        }

        var failures = await connection.QueryAsync<FailureRow>(new CommandDefinition(
            $"SELECT platform AS Platform, {recent} AS Recent, state AS State, reason AS Reason, COUNT(*) AS Count " +
            $"FROM reminder_deliveries WHERE {inWeek} AND state IN ('Failed', 'Missed') GROUP BY platform, {recent}, state, reason",
            parameters,
            cancellationToken: cancellationToken));
        var unreachable = await connection.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT platform AS Platform, CASE WHEN changed_at >= @Day THEN 1 ELSE 0 END AS Recent, COUNT(*) AS Count FROM chat_status " +
            "WHERE unreachable_reason IS NOT NULL AND changed_at >= @Week AND changed_at <= @Now " +
            "GROUP BY platform, CASE WHEN changed_at >= @Day THEN 1 ELSE 0 END",
            parameters,
            cancellationToken: cancellationToken));
        var backlog = await connection.QueryAsync<BacklogRow>(new CommandDefinition(
            // One range of ix_reminder_deliveries_due per state: with "state IN (...)" SQLite judged the two states a large
            // part of the table (they are, in its statistics, for a quiet outbox) and scanned a whole covering index.
            "SELECT Platform, State, Due, COUNT(*) AS Count, MIN(due_at) AS Oldest FROM (" +
            "SELECT platform AS Platform, state AS State, CASE WHEN due_at <= @Now THEN 1 ELSE 0 END AS Due, due_at FROM reminder_deliveries WHERE state = 'Pending' " +
            "UNION ALL SELECT platform, state, CASE WHEN due_at <= @Now THEN 1 ELSE 0 END, due_at FROM reminder_deliveries WHERE state = 'Sending') backlog " +
            "GROUP BY Platform, State, Due",
            parameters,
            cancellationToken: cancellationToken));
        var slots = await connection.QueryAsync<SlotRow>(new CommandDefinition(
            "SELECT time_zone AS Zone, local_time AS LocalTime, COUNT(*) AS Count FROM reminder_subscriptions " +
            "WHERE state = 'Active' AND kind = 'Routine' GROUP BY time_zone, local_time",
            cancellationToken: cancellationToken));

        foreach (var row in failures)
        {
            var (day, week) = For(row.Platform);
            var reason = FailureReasons.Categorise(row.State, row.Reason);
            week.AddFailure(reason, row.Count);
            if (row.Recent == 1)
            {
                day.AddFailure(reason, row.Count);
            }
        }

        foreach (var row in unreachable)
        {
            var (day, week) = For(row.Platform);
            week.Unreachable += row.Count;
            if (row.Recent == 1)
            {
                day.Unreachable += row.Count;
            }
        }

        var backlogs = backlog.GroupBy(r => r.Platform).ToDictionary(g => g.Key, g => Backlog(g, parameters.Now), StringComparer.Ordinal);
        foreach (var platform in backlogs.Keys)
        {
            For(platform);
        }

        var platforms = tallies.Select(p => new PlatformDeliveryHealth(
            p.Key, p.Value.Day.ToWindow(), p.Value.Week.ToWindow(), backlogs.GetValueOrDefault(p.Key) ?? DeliveryBacklog.Empty)).ToList();
        return new DeliveryHealth(now, platforms, HeatMap(slots));
    }

    private static DeliveryBacklog Backlog(IEnumerable<BacklogRow> rows, long now)
    {
        long waiting = 0, claimed = 0, later = 0;
        long? oldest = null;
        foreach (var row in rows)
        {
            if (row.State == "Sending")
            {
                claimed += row.Count;
            }
            else if (row.Due == 1)
            {
                waiting += row.Count;
                oldest = oldest is null ? row.Oldest : Math.Min(oldest.Value, row.Oldest);
            }
            else
            {
                later += row.Count;
            }
        }

        return new DeliveryBacklog(waiting, claimed, later, oldest is { } at ? TimeSpan.FromMilliseconds(Math.Max(0, now - at)) : null);
    }

    private static SubscriptionHeatMap HeatMap(IEnumerable<SlotRow> slots)
    {
        var byZone = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            if (!byZone.TryGetValue(slot.Zone, out var hours))
            {
                byZone[slot.Zone] = hours = new long[24];
            }

            // local_time is HH:mm; anything else (never written by the bot) is left out rather than guessed.
            if (slot.LocalTime.Length >= 2 && int.TryParse(slot.LocalTime.AsSpan(0, 2), out var hour) && hour is >= 0 and < 24)
            {
                hours[hour] += slot.Count;
            }
        }

        var ranked = byZone.OrderByDescending(z => z.Value.Sum()).ThenBy(z => z.Key, StringComparer.Ordinal).ToList();
        var zones = ranked.Take(HeatMapZones).Select(z => z.Key).ToList();
        var counts = ranked.Take(HeatMapZones).Select(z => (IReadOnlyList<long>)z.Value).ToList();
        if (ranked.Count > HeatMapZones)
        {
            var rest = ranked.Skip(HeatMapZones).ToList();
            zones.Add($"{rest.Count} other zones");
            counts.Add([.. Enumerable.Range(0, 24).Select(h => rest.Sum(z => z.Value[h]))]);
        }

        return new SubscriptionHeatMap(zones, counts);
    }

    /// <summary>Adds up one platform's rows for one window, lateness as a histogram of whole seconds.</summary>
    private sealed class WindowTally
    {
        private static readonly long OnTimeMs = (long)SqlOverviewQuery.OnTimeWithin.TotalMilliseconds;
        private readonly SortedDictionary<long, long> _lateness = [];
        private readonly Dictionary<string, long> _failures = new(StringComparer.Ordinal);
        private long _due, _sent, _onTime, _retries, _waits, _waitMs;

        public long Unreachable { get; set; }

        /// <summary>One delivery: <paramref name="sentAfterMs"/> is how long after its first due time it was sent, or null if it was not.</summary>
        public void Add(long? sentAfterMs, long retries, long waits, long waitMs)
        {
            _due++;
            _retries += retries;
            _waits += waits;
            _waitMs += waitMs;
            if (sentAfterMs is { } after)
            {
                // Whole seconds, cut toward zero as SQL's integer division did. A clock a moment behind can make a send
                // look early; it was on time, not negative.
                var late = Math.Max(0, after / 1000);
                _sent++;
                _lateness[late] = _lateness.GetValueOrDefault(late) + 1;
                if (after <= OnTimeMs)
                {
                    _onTime++;
                }
            }
        }

        public void AddFailure(string reason, long count) => _failures[reason] = _failures.GetValueOrDefault(reason) + count;

        public DeliveryWindow ToWindow() => new(
            _due,
            _sent,
            _onTime,
            Percentile(0.50),
            Percentile(0.95),
            _retries,
            _waits,
            TimeSpan.FromMilliseconds(_waitMs),
            [.. _failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => new FailureCount(f.Key, f.Value))],
            Unreachable);

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

    // Properties, not positional records: Dapper converts column types for properties only (COUNT is bigint on
    // PostgreSQL, a SUM of bigint is numeric there).
    private sealed class FailureRow
    {
        public string Platform { get; init; } = string.Empty;

        public long Recent { get; init; }

        public string State { get; init; } = string.Empty;

        public string? Reason { get; init; }

        public long Count { get; init; }
    }

    private sealed class CountRow
    {
        public string Platform { get; init; } = string.Empty;

        public long Recent { get; init; }

        public long Count { get; init; }
    }

    private sealed class BacklogRow
    {
        public string Platform { get; init; } = string.Empty;

        public string State { get; init; } = string.Empty;

        public long Due { get; init; }

        public long Count { get; init; }

        public long Oldest { get; init; }
    }

    private sealed class SlotRow
    {
        public string Zone { get; init; } = string.Empty;

        public string LocalTime { get; init; } = string.Empty;

        public long Count { get; init; }
    }
}
