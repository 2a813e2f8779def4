using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Dashboard;
using LymphBot.Storage;

namespace LymphBot.Tests.Dashboard;

/// <summary>The delivery health figures and the outbox columns they read, proven on every database provider.</summary>
public abstract class DeliveryHealthQueryContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    private static readonly long HourMs = 3_600_000;

    protected abstract Task<Database> CreateDatabaseAsync();

    [SkippableFact]
    public async Task CompleteMany_RetriesAndRateLimitWaits_AreCounted_AndTheFirstDueTimeKept()
    {
        var database = await CreateDatabaseAsync();
        var store = new SqlDeliveryStore(database);
        var due = Now.AddMinutes(-10);
        await store.EnqueueManyAsync([new Delivery(0, 1, new ChatAddress("telegram", "c1"), new DateOnly(2026, 12, 7), DeliveryKind.Daily, due, DeliveryState.Pending, 0, "x")], CancellationToken.None);
        var id = (await store.ClaimDueAsync(Now, 10, CancellationToken.None)).Single().Id;

        await store.CompleteManyAsync([new DeliveryOutcome(id, DeliveryState.Pending, 0, "RateLimited", Now, Now.AddSeconds(20)) { RateLimitWait = TimeSpan.FromSeconds(20) }], CancellationToken.None);
        await store.ClaimDueAsync(Now.AddSeconds(20), 10, CancellationToken.None);
        await store.CompleteManyAsync([new DeliveryOutcome(id, DeliveryState.Pending, 1, "NotSent: refused", Now.AddSeconds(20), Now.AddSeconds(22))], CancellationToken.None);
        await store.ClaimDueAsync(Now.AddSeconds(22), 10, CancellationToken.None);
        await store.CompleteManyAsync([new DeliveryOutcome(id, DeliveryState.Pending, 1, "RateLimited", Now.AddSeconds(22), Now.AddSeconds(25.5)) { RateLimitWait = TimeSpan.FromSeconds(3.5) }], CancellationToken.None);
        await store.ClaimDueAsync(Now.AddSeconds(26), 10, CancellationToken.None);
        await store.CompleteManyAsync([new DeliveryOutcome(id, DeliveryState.Sent, 2, null, Now.AddSeconds(27), null)], CancellationToken.None);

        await using var connection = await database.OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(long FirstDue, long Due, long Retries, long Waits, long WaitMs)>(
            "SELECT first_due_at, due_at, CAST(retries AS BIGINT), CAST(rate_limit_waits AS BIGINT), rate_limit_wait_ms FROM reminder_deliveries WHERE id = @Id", new { Id = id });
        Assert.Equal((due.ToUnixTimeMilliseconds(), Now.AddSeconds(25.5).ToUnixTimeMilliseconds(), 1L, 2L, 23_500L), row);
    }

    [SkippableFact]
    public async Task Load_CountsEachPlatformsWindows_ByFirstDueTime()
    {
        var database = await CreateDatabaseAsync();
        await SeedAsync(
            database,
            // telegram, last 24 hours: lateness 0 s, 5 s, 59.9 s, 60.5 s (late by a hair), 300 s; one retried twice and rate-limited once
            Row("telegram", NowMs - HourMs, "Sent", late: 0),
            Row("telegram", NowMs - HourMs, "Sent", late: 5_000),
            Row("telegram", NowMs - HourMs, "SentUnconfirmed", late: 59_900),
            Row("telegram", NowMs - HourMs, "Sent", late: 60_500),
            Row("telegram", NowMs - (2 * HourMs), "Sent", late: 300_000, retries: 2, waits: 1, waitMs: 30_000, retriedUntil: NowMs - HourMs),
            Row("telegram", NowMs - HourMs, "Failed", reason: "chat unreachable: Forbidden: bot was blocked by the user"),
            Row("telegram", NowMs - HourMs, "Failed", reason: "NotSent: connection refused", retries: 4),
            // telegram, 3 days ago: in the week only
            Row("telegram", NowMs - (72 * HourMs), "Sent", late: 1_000),
            Row("telegram", NowMs - (72 * HourMs), "Missed", reason: "bot was down"),
            // 8 days ago: in neither window
            Row("telegram", NowMs - (8 * 24 * HourMs), "Sent", late: 999_000),
            // discord: a skipped one (due, not sent, not failed) and a pending retry first due 2 hours ago
            Row("discord", NowMs - HourMs, "Skipped"),
            Row("discord", NowMs - (2 * HourMs), "Pending", waits: 1, waitMs: 5_000, retriedUntil: NowMs + 60_000),
            "INSERT INTO chat_status (platform, chat_id, unreachable_reason, changed_at) VALUES " +
            $"('telegram', 'u1', 'blocked', {NowMs - HourMs}), ('telegram', 'u2', 'blocked', {NowMs - (48 * HourMs)}), ('telegram', 'u3', NULL, {NowMs - HourMs}), ('telegram', 'u4', 'gone', {NowMs - (10 * 24 * HourMs)})");

        var health = await new SqlDeliveryHealthQuery(database).LoadAsync(Now, CancellationToken.None);

        Assert.Equal(["discord", "telegram"], health.Platforms.Select(p => p.Platform));
        var telegram = health.Platforms[1];
        var day = telegram.LastDay;
        Assert.Equal((7L, 5L, 3L), (day.Due, day.Sent, day.OnTime));
        Assert.Equal(TimeSpan.FromSeconds(59), day.P50Lateness);
        Assert.Equal(TimeSpan.FromSeconds(300), day.P95Lateness);
        Assert.Equal((6L, 1L, TimeSpan.FromSeconds(30)), (day.Retries, day.RateLimitWaits, day.RateLimitWaited));
        Assert.Equal([new FailureCount(FailureReasons.Unreachable, 1), new FailureCount("not sent: network or server error, attempts used up", 1)], day.Failures);
        Assert.Equal(1, day.BecameUnreachable);

        var week = telegram.LastWeek;
        Assert.Equal((9L, 6L, 4L, 2L), (week.Due, week.Sent, week.OnTime, week.BecameUnreachable));
        Assert.Equal(TimeSpan.FromSeconds(5), week.P50Lateness);
        Assert.Contains(new FailureCount(FailureReasons.Missed, 1), week.Failures);
        Assert.Equal(3, week.Failed);

        var discord = health.Platforms[0];
        Assert.Equal((2L, 0L, (TimeSpan?)null, 1L), (discord.LastDay.Due, discord.LastDay.Sent, discord.LastDay.P50Lateness, discord.LastDay.RateLimitWaits));
        Assert.Equal(new DeliveryBacklog(0, 0, 1, null), discord.Backlog);
    }

    [SkippableFact]
    public async Task Load_Backlog_IsWhatWaitsNow_AndTheHeatMapCountsActiveRemindersByZoneAndHour()
    {
        var database = await CreateDatabaseAsync();
        var statements = new List<string>
        {
            Row("telegram", NowMs - 90_000, "Pending"),
            Row("telegram", NowMs - 30_000, "Pending"),
            Row("telegram", NowMs - 5_000, "Sending"),
            Row("telegram", NowMs + HourMs, "Pending"),
        };
        string[] zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Europe/Paris", "Europe/Rome", "Asia/Kolkata", "Africa/Lagos", "Australia/Sydney", "Europe/Oslo", "Europe/Madrid", "Asia/Dubai", "Pacific/Auckland", "America/Chicago"];
        for (var z = 0; z < zones.Length; z++)
        {
            // Berlin is the busiest zone; the two last are the least busy and share the "other zones" row.
            var count = z == 0 ? 20 : zones.Length - z;
            for (var i = 0; i < count; i++)
            {
                statements.Add(Subscription(zones[z], i % 2 == 0 ? "08:00" : "20:30", "Active"));
            }
        }

        statements.Add(Subscription("Europe/Berlin", "08:15", "Paused"));
        await SeedAsync(database, [.. statements]);

        var health = await new SqlDeliveryHealthQuery(database).LoadAsync(Now, CancellationToken.None);

        Assert.Equal(new DeliveryBacklog(2, 1, 1, TimeSpan.FromSeconds(90)), Assert.Single(health.Platforms).Backlog);
        var map = health.Subscriptions;
        Assert.Equal(13, map.Zones.Count);
        Assert.Equal(["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"], map.Zones.Take(4));
        Assert.Equal("2 other zones", map.Zones[^1]);
        var berlin = map.CountsByHour[0];
        Assert.Equal((10L, 10L, 20L), (berlin[8], berlin[20], berlin.Sum()));
        Assert.Equal((2L, 1L), (map.CountsByHour[^1][8], map.CountsByHour[^1][20]));
        Assert.Equal(20 + Enumerable.Range(1, zones.Length - 1).Sum(), map.Total);
    }

    /// <summary>
    /// Closed hours are added up once and kept (<see cref="SqlDeliveryHealthQuery"/>); after any writes, late sends of old
    /// deliveries, missed ones recorded for hours long closed and deleted rows among them, the figures must be those of a
    /// query that reads every row afresh, as the clock moves on across hour boundaries.
    /// </summary>
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Load_KeptHours_AfterRandomWrites_SameAsReadingEveryRow(int seed)
    {
        var database = await CreateDatabaseAsync();
        var random = new Random(seed);
        string[] platforms = ["telegram", "discord"];
        string[] failures = ["chat unreachable: Forbidden: bot was blocked by the user", "NotSent: connection refused", "bot was down"];
        string RandomRow(long firstDue)
        {
            var platform = platforms[random.Next(2)];
            return random.Next(10) switch
            {
                < 6 => Row(platform, firstDue, random.Next(4) == 0 ? "SentUnconfirmed" : "Sent", late: random.Next(4) == 0 ? random.Next(600_000) : random.Next(70_000), retries: random.Next(3), waits: random.Next(2), waitMs: random.Next(5_000)),
                < 8 => Row(platform, firstDue, random.Next(2) == 0 ? "Failed" : "Missed", reason: failures[random.Next(failures.Length)], retries: random.Next(5)),
                8 => Row(platform, firstDue, "Skipped"),
                _ => Row(platform, firstDue, "Pending", waits: random.Next(2), retriedUntil: firstDue + random.Next(600_000)),
            };
        }

        await SeedAsync(database, [.. Enumerable.Range(0, 600).Select(_ => RandomRow(NowMs - random.NextInt64(9 * 24 * HourMs)))]);
        using var kept = new SqlDeliveryHealthQuery(database);
        long keptRows = 0, freshRows = 0;
        for (var round = 0; round < 12; round++)
        {
            var now = Now.AddMinutes(25 * round);
            var nowMs = now.ToUnixTimeMilliseconds();
            var writes = new List<string>();
            for (var i = random.Next(1, 8); i > 0; i--)
            {
                var old = nowMs - random.NextInt64(8 * 24 * HourMs);
                // Every fourth round also writes to hours long closed; the others only where the outbox writes, near now.
                writes.Add((round % 4 == 3 ? random.Next(6) : random.Next(2) * 5) switch
                {
                    0 => RandomRow(nowMs - random.NextInt64(HourMs)),
                    1 => RandomRow(old),
                    2 => $"UPDATE reminder_deliveries SET state = 'Sent', completed_at = due_at + {random.Next(90_000)} WHERE id = (SELECT MIN(id) FROM reminder_deliveries WHERE state = 'Pending')",
                    3 => $"DELETE FROM reminder_deliveries WHERE id = (SELECT MIN(id) FROM reminder_deliveries WHERE due_at < {old})",
                    4 => $"UPDATE reminder_deliveries SET retries = retries + 1 WHERE id = (SELECT MAX(id) FROM reminder_deliveries WHERE due_at < {old})",
                    _ => $"UPDATE reminder_deliveries SET state = 'Failed', reason = 'NotSent: refused' WHERE id = (SELECT MAX(id) FROM reminder_deliveries WHERE state = 'Sent' AND due_at > {nowMs - (3 * HourMs)})",
                });
            }

            await SeedAsync(database, [.. writes]);
            var figures = await kept.LoadAsync(now, CancellationToken.None);
            keptRows += kept.RowsRead;
            using var fresh = new SqlDeliveryHealthQuery(database);
            var expected = await fresh.LoadAsync(now, CancellationToken.None);
            freshRows += fresh.RowsRead;

            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(figures));
        }

        // The kept hours are what made it cheaper: most rounds read the open hours alone.
        Assert.True(keptRows * 2 < freshRows, $"kept {keptRows} rows read, fresh {freshRows}");
    }

    private static string Row(
        string platform, long firstDue, string state, long? late = null, string? reason = null, int retries = 0, int waits = 0, long waitMs = 0, long? retriedUntil = null)
    {
        var dueAt = retriedUntil ?? firstDue;
        var completed = late is { } l ? (firstDue + l).ToString(System.Globalization.CultureInfo.InvariantCulture) : state is "Failed" or "Missed" ? dueAt.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL";
        var first = retriedUntil is null ? "NULL" : firstDue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = Interlocked.Increment(ref _next);
        return "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text, reason, completed_at, first_due_at, retries, rate_limit_waits, rate_limit_wait_ms) " +
            $"VALUES ({id}, '{platform}', 'chat-{id}', '2026-12-07', 'Daily', {dueAt}, '{state}', 1, 'x', {(reason is null ? "NULL" : $"'{reason}'")}, {completed}, {first}, {retries}, {waits}, {waitMs})";
    }

    private static string Subscription(string zone, string localTime, string state) =>
        "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, local_time, time_zone, state, created_at, kind) " +
        $"VALUES ('telegram', 'u', 'c', '{localTime}', '{zone}', '{state}', 0, 'Routine')";

    private static long _next;

    private static async Task SeedAsync(Database database, params string[] statements)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        foreach (var sql in statements)
        {
            await connection.ExecuteAsync(sql);
        }
    }
}
