using System.Data.Common;
using Dapper;
using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// The delivery health page's figures, per platform, for operators (every chat). Deliveries count in a window by the
/// time they were first due; lateness percentiles come from a per-second histogram (<see cref="DeliveryTally"/>), so
/// they are exact to the second on SQLite (which has no percentile function) and PostgreSQL alike. Closed hours are
/// added up once and kept (<see cref="SealedDeliveryHours"/>): a view reads the rows of the last hours and of the part-hour
/// at the start of each window, about 1/60 of the week, instead of all of it.
/// </summary>
public sealed class SqlDeliveryHealthQuery(Database database) : IDisposable
{
    /// <summary>Zones shown in their own row of the heat map; the rest share one.</summary>
    public const int HeatMapZones = 12;

    private const string FirstDue = SqlOverviewQuery.FirstDue;

    /// <summary>An hour in milliseconds: closed hours are kept as tallies (<see cref="SealedDeliveryHours"/>).</summary>
    public const long HourMs = 3_600_000;

    /// <summary>How far behind the clock hours are sealed: by then nearly every delivery of the hour is sent or given up.</summary>
    public static readonly TimeSpan SealAfter = TimeSpan.FromHours(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SealedDeliveryHours _sealed = new();
    private long _sealedUpTo;

    /// <summary>Deliveries read row by row by the last <see cref="LoadAsync"/> (the tests hold the kept hours to it).</summary>
    public long RowsRead { get; private set; }

    public async Task<DeliveryHealth> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await LoadFreshAsync(now, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<DeliveryHealth> LoadFreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Now = now.ToUnixTimeMilliseconds(),
            Day = (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds(),
            Week = (now - TimeSpan.FromDays(7)).ToUnixTimeMilliseconds(),
        };
        await SealAsync(parameters.Now, cancellationToken);
        RowsRead = 0;

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await DashboardVersions.BeginSnapshotAsync(connection, cancellationToken);
        var tallies = new SortedDictionary<string, (DeliveryTally Day, DeliveryTally Week)>(StringComparer.Ordinal);
        (DeliveryTally Day, DeliveryTally Week) For(string platform)
        {
            if (!tallies.TryGetValue(platform, out var pair))
            {
                tallies[platform] = pair = (new DeliveryTally(), new DeliveryTally());
            }

            return pair;
        }

        // Closed hours from their kept tallies; the rest, the open hours and the first part-hour of each window, row by row.
        var trusted = await TrustedBoundaryAsync(connection, transaction, cancellationToken);
        var firstHour = Ceiling(parameters.Week);
        var dayFirstHour = Ceiling(parameters.Day);
        var sealedTo = Math.Min(trusted, parameters.Now - (parameters.Now % HourMs));
        var tailFrom = parameters.Week;
        if (sealedTo > firstHour)
        {
            _sealed.DropBefore(firstHour);
            while (_sealed.Missing(firstHour, sealedTo) is var (from, to))
            {
                var hours = new Dictionary<long, Dictionary<string, DeliveryTally>>();
                for (var hour = from; hour < to; hour += HourMs)
                {
                    hours[hour] = new Dictionary<string, DeliveryTally>(StringComparer.Ordinal);
                }

                await ReadAsync(connection, transaction, from, to, to - from <= 24 * HourMs, (platform, firstDue, delivery) =>
                {
                    var hour = hours[firstDue - (firstDue % HourMs)];
                    (hour.TryGetValue(platform, out var tally) ? tally : hour[platform] = new DeliveryTally()).Add(delivery);
                }, cancellationToken);
                foreach (var (hour, byPlatform) in hours)
                {
                    _sealed.Keep(hour, byPlatform);
                }
            }

            for (var hour = firstHour; hour < sealedTo; hour += HourMs)
            {
                foreach (var (platform, tally) in _sealed.Hour(hour))
                {
                    var (day, week) = For(platform);
                    week.Add(tally);
                    if (hour >= dayFirstHour)
                    {
                        day.Add(tally);
                    }
                }
            }

            await ReadAsync(connection, transaction, parameters.Week, firstHour, true, (platform, _, delivery) => For(platform).Week.Add(delivery), cancellationToken);
            if (dayFirstHour <= sealedTo)
            {
                await ReadAsync(connection, transaction, parameters.Day, dayFirstHour, true, (platform, _, delivery) => For(platform).Day.Add(delivery), cancellationToken);
            }

            tailFrom = sealedTo;
        }

        await ReadAsync(connection, transaction, tailFrom, parameters.Now + 1, false, (platform, firstDue, delivery) =>
        {
            var (day, week) = For(platform);
            week.Add(delivery);
            if (firstDue >= parameters.Day)
            {
                day.Add(delivery);
            }
        }, cancellationToken);

        var unreachable = await connection.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT platform AS Platform, CASE WHEN changed_at >= @Day THEN 1 ELSE 0 END AS Recent, COUNT(*) AS Count FROM chat_status " +
            "WHERE unreachable_reason IS NOT NULL AND changed_at >= @Week AND changed_at <= @Now " +
            "GROUP BY platform, CASE WHEN changed_at >= @Day THEN 1 ELSE 0 END",
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        var backlog = await connection.QueryAsync<BacklogRow>(new CommandDefinition(
            // One range of ix_reminder_deliveries_due per state: with "state IN (...)" SQLite judged the two states a large
            // part of the table (they are, in its statistics, for a quiet outbox) and scanned a whole covering index.
            "SELECT Platform, State, Due, COUNT(*) AS Count, MIN(due_at) AS Oldest FROM (" +
            "SELECT platform AS Platform, state AS State, CASE WHEN due_at <= @Now THEN 1 ELSE 0 END AS Due, due_at FROM reminder_deliveries WHERE state = 'Pending' " +
            "UNION ALL SELECT platform, state, CASE WHEN due_at <= @Now THEN 1 ELSE 0 END, due_at FROM reminder_deliveries WHERE state = 'Sending') backlog " +
            "GROUP BY Platform, State, Due",
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        var slots = await connection.QueryAsync<SlotRow>(new CommandDefinition(
            "SELECT time_zone AS Zone, local_time AS LocalTime, COUNT(*) AS Count FROM reminder_subscriptions " +
            "WHERE state = 'Active' AND kind = 'Routine' GROUP BY time_zone, local_time",
            transaction: transaction,
            cancellationToken: cancellationToken));

        var unreachableBy = new Dictionary<string, (long Day, long Week)>(StringComparer.Ordinal);
        foreach (var row in unreachable)
        {
            For(row.Platform);
            var (day, week) = unreachableBy.GetValueOrDefault(row.Platform);
            unreachableBy[row.Platform] = (day + (row.Recent == 1 ? row.Count : 0), week + row.Count);
        }

        var backlogs = backlog.GroupBy(r => r.Platform).ToDictionary(g => g.Key, g => Backlog(g, parameters.Now), StringComparer.Ordinal);
        foreach (var platform in backlogs.Keys)
        {
            For(platform);
        }

        var platforms = tallies.Select(p => new PlatformDeliveryHealth(
            p.Key,
            p.Value.Day.ToWindow(unreachableBy.GetValueOrDefault(p.Key).Day),
            p.Value.Week.ToWindow(unreachableBy.GetValueOrDefault(p.Key).Week),
            backlogs.GetValueOrDefault(p.Key) ?? DeliveryBacklog.Empty)).ToList();
        await transaction.CommitAsync(cancellationToken);
        return new DeliveryHealth(now, platforms, HeatMap(slots));
    }

    private static long Ceiling(long ms) => ms % HourMs == 0 ? ms : ms - (ms % HourMs) + HourMs;

    /// <summary>
    /// The deliveries first due from <paramref name="from"/> to before <paramref name="to"/>, one by one, from
    /// ix_reminder_deliveries_window: per delivery its platform, when it was first due and, once sent, how long after; the
    /// retry and rate-limit counts only of the few that had any, and the state and reason only of the failed. Grouping
    /// them in SQL by platform, window, state and lateness sorted every row on SQLite, and each column read from a row
    /// costs about as much as counting it (25,000 rows: 48 ms grouped, 40 ms with every column read, 25 ms like this).
    /// </summary>
    /// <remarks>
    /// A part-hour or up to a day of closed hours (<paramref name="byFirstDueDay"/>) is read by its first-due day from ix_reminder_deliveries_first_day, which holds the
    /// first-due time: by <c>due_at</c> its range would run on to the end of the table (a retry moves <c>due_at</c>, so
    /// it has no upper bound). The open hours at the end and a whole week are read by
    /// <c>due_at</c> from ix_reminder_deliveries_window, which covers every column read.
    /// </remarks>
    private async Task ReadAsync(
        DbConnection connection, DbTransaction transaction, long from, long to, bool byFirstDueDay, Action<string, long, DeliveryTally.Row> add, CancellationToken cancellationToken)
    {
        if (from >= to)
        {
            return;
        }

        const string ByFirstDueDay = $"{SqlOverviewQuery.FirstDueDay} >= @From / 86400000 AND {SqlOverviewQuery.FirstDueDay} <= @To / 86400000";

        const string WasSent = "state IN ('Sent', 'SentUnconfirmed') AND completed_at IS NOT NULL";
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"SELECT platform, {FirstDue}, CASE WHEN {WasSent} THEN completed_at - {FirstDue} END, " +
            "CASE WHEN retries > 0 OR rate_limit_waits > 0 OR rate_limit_wait_ms > 0 THEN 1 END, retries, rate_limit_waits, rate_limit_wait_ms, " +
            "CASE WHEN state IN ('Failed', 'Missed') THEN state END, reason " +
            $"FROM reminder_deliveries WHERE {(byFirstDueDay ? ByFirstDueDay : "due_at >= @From")} " +
            $"AND {FirstDue} >= @From AND {FirstDue} < @To";
        command.AddParameter("From", from);
        command.AddParameter("To", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sentAfter = reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2);
            var (retries, waits, waitMs) = reader.IsDBNull(3) ? (0L, 0L, 0L) : (reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            var failure = reader.IsDBNull(7) ? null : FailureReasons.Categorise(reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8));
            RowsRead++;
            add(reader.GetString(0), reader.GetInt64(1), new DeliveryTally.Row(sentAfter, retries, waits, waitMs, failure));
        }
    }

    /// <summary>Moves the stored boundary of sealed hours forward to <see cref="SealAfter"/> behind the clock: a write once an hour.</summary>
    private async Task SealAsync(long now, CancellationToken cancellationToken)
    {
        var boundary = now - (long)SealAfter.TotalMilliseconds;
        boundary -= boundary % HourMs;
        if (boundary <= _sealedUpTo)
        {
            return;
        }

        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE dashboard_versions SET version = @Boundary WHERE area = @Area AND version < @Boundary",
                new { Boundary = boundary, Area = DashboardVersions.DeliveriesSealed },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
        _sealedUpTo = boundary;
    }

    /// <summary>Reads, in the snapshot, how far the kept tallies are right (<see cref="SealedDeliveryHours.Trusted"/>).</summary>
    private async Task<long> TrustedBoundaryAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var settled = await DashboardVersions.ReadAsync(connection, transaction, DashboardVersions.DeliveriesSettled, cancellationToken);
        var boundary = await DashboardVersions.ReadAsync(connection, transaction, DashboardVersions.DeliveriesSealed, cancellationToken);
        if (database.Provider != StorageProvider.Postgres)
        {
            return _sealed.Trusted(settled, boundary, null, null);
        }

        var (xmin, xmax) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint",
            transaction: transaction,
            cancellationToken: cancellationToken));
        return _sealed.Trusted(settled, boundary, xmin, xmax);
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

    // Properties, not positional records: Dapper converts column types for properties only (COUNT is bigint on
    // PostgreSQL, a SUM of bigint is numeric there).
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
