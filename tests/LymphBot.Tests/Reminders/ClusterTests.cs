using System.Diagnostics;
using System.Globalization;
using Dapper;
using LymphBot.Reminders;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace LymphBot.Tests.Reminders;

/// <summary>
/// Two host processes clustered on one PostgreSQL database, on the real clock: each occurrence is delivered once in
/// total, and when the node holding the next minute's trigger is killed, the survivor delivers that minute alone. Both
/// minutes hold every kind of schedule (<see cref="ScheduleMix"/>); follow-ups and a snooze pressed on one node come
/// due across the kill, and Done pressed on one node ends the follow-ups on both.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const int PerMinute = 200;
    private const string Zone = "UTC";

    [SkippableFact]
    [Trait("Category", "Slow")]
    public async Task TwoNodes_DeliverEachOccurrenceOnce_AndTheSurvivorOfAKillDeliversTheNextMinute()
    {
        var clock = Stopwatch.StartNew();
        await using var scratch = await PostgresServer.CreateDatabaseAsync();

        // Pooled, and capped, so two nodes sending 32 at a time stay well inside the server's max_connections.
        var connectionString = new NpgsqlConnectionStringBuilder(scratch.ConnectionString) { Pooling = true, MaxPoolSize = 20 }.ConnectionString;
        var database = await ReminderDatabase.MigrateAsync(StorageProvider.Postgres, connectionString);
        var first = UpcomingMinute.After(TimeSpan.FromSeconds(12));
        var second = first.AddMinutes(1);
        var (firstSlot, secondSlot) = (UpcomingMinute.Format(first), UpcomingMinute.Format(second));
        await database.AddConsoleSubscriptionsAsync(firstSlot, Zone, PerMinute, "first", TimeProvider.System.GetUtcNow());
        await database.AddConsoleSubscriptionsAsync(secondSlot, Zone, PerMinute, "second", TimeProvider.System.GetUtcNow());

        // A routine of both minutes' times; follow-ups (pressed on whichever node sends them) in the first.
        ScheduleMix[] mixes =
        [
            await ScheduleMix.AddAsync(database, first, "first mixed", (second, true), withFollowUps: true),
            await ScheduleMix.AddAsync(database, second, "second mixed", (second.AddHours(12), false), withFollowUps: false),
        ];
        var firstOccurrences = PerMinute + mixes.Sum(m => m.OccurrencesAt(TimeOnly.FromDateTime(first.UtcDateTime)));
        var secondOccurrences = PerMinute + mixes.Sum(m => m.OccurrencesAt(TimeOnly.FromDateTime(second.UtcDateTime)));
        string[] settings =
        [
            "--Storage:Provider=Postgres",
            $"--ConnectionStrings:LymphBot={connectionString}",
            "--Reminders:ClaimTimeout=00:00:10",

            // Small claims (4 × concurrency) so both nodes' senders claim from the same burst.
            "--Reminders:SendConcurrency=4",
            "--Logging:LogLevel:Quartz=Information",
        ];
        using var work = new TempDirectory();

        // One after the other, so each node's Quartz instance id is known: the first to check in is node A.
        await using var nodeA = LymphBotInstance.Start("node A", work.Path, settings);
        await nodeA.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));
        var idA = await CheckedInAsync(database, nodeA, []);
        await using var nodeB = LymphBotInstance.Start("node B", work.Path, settings);
        await nodeB.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));
        var idB = await CheckedInAsync(database, nodeB, [idA]);
        var nodes = new Dictionary<string, LymphBotInstance>(StringComparer.Ordinal) { [idA] = nodeA, [idB] = nodeB };
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s both nodes up ({idA}, {idB}); minutes {firstSlot} and {secondSlot} UTC");
        Assert.True(UpcomingMinute.Until(first) > TimeSpan.Zero, $"the nodes took until after {firstSlot} UTC to start");

        // Minute 1, both nodes up: every occurrence sent, and printed once in total.
        await nodeA.WaitUntilAsync(
            async () => (await database.CountOccurrencesAsync(firstSlot))["Sent"] == firstOccurrences,
            UpcomingMinute.Until(first) + TimeSpan.FromSeconds(30),
            $"see the {firstSlot} occurrences sent");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var firstRows = await database.CountOccurrencesAsync(firstSlot);
        var (firstByA, firstByB) = (nodeA.Count(IsReminder(firstSlot)), nodeB.Count(IsReminder(firstSlot)));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s {firstSlot}: {firstRows}; printed A={firstByA} B={firstByB}");
        Assert.Equal((firstOccurrences, firstOccurrences, firstOccurrences), (firstRows.Rows, firstRows.Subscriptions, firstRows["Sent"]));
        Assert.Equal(PerMinute, firstByA + firstByB);

        // Before the kill, with minute 1 sent and the console quiet until minute 2: one follow-up sent, and on the first
        // follow-up of two others, Snooze pressed on the node that sent it, and Done. The rest comes due after the kill.
        Assert.True(UpcomingMinute.Until(second) > TimeSpan.FromSeconds(20), $"minute 1 took until {UpcomingMinute.Until(second).TotalSeconds:0.0}s before minute 2, too late for the presses");
        await mixes[0].SendFirstFollowUpAsync([nodeA, nodeB]);
        await mixes[0].PressSnoozeAsync([nodeA, nodeB]);
        await mixes[0].PressDoneAsync([nodeA, nodeB]);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s follow-up sent, snoozed and done");

        // Kill the node that has acquired minute 2's trigger (Quartz acquires up to 30 s ahead), so the survivor must
        // recover it from the dead node; if neither has by just before the minute, kill node A.
        var trigger = QuartzSlotScheduler.KeyFor(Zone, TimeOnly.ParseExact(secondSlot, "HH:mm", CultureInfo.InvariantCulture));
        string? holder = null;
        while (holder is null && UpcomingMinute.Until(second) > TimeSpan.FromSeconds(2))
        {
            holder = await AcquiredByAsync(database, trigger.Name, trigger.Group);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var victim = holder is null ? nodeA : nodes[holder];
        var survivor = victim == nodeA ? nodeB : nodeA;
        await victim.KillAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s killed {victim.Name} ({(holder is null ? "no node held" : "it held")} the {secondSlot} trigger), {UpcomingMinute.Until(second).TotalSeconds:0.0}s before the minute");

        // Minute 2: the survivor fires the slot and delivers every occurrence, once.
        await survivor.WaitUntilAsync(
            async () => (await database.CountOccurrencesAsync(secondSlot))["Sent"] == secondOccurrences,
            UpcomingMinute.Until(second) + TimeSpan.FromSeconds(60),
            $"see the {secondSlot} occurrences sent");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var secondRows = await database.CountOccurrencesAsync(secondSlot);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s {secondSlot}: {secondRows}; printed by {survivor.Name} {survivor.Count(IsReminder(secondSlot))}");
        output.WriteLine(string.Join('\n', survivor.StandardError.Split('\n').Where(l => l.Contains("ClusterManager", StringComparison.OrdinalIgnoreCase) || l.Contains("occurrence(s) written", StringComparison.Ordinal))));
        Assert.Equal((secondOccurrences, secondOccurrences, secondOccurrences), (secondRows.Rows, secondRows.Subscriptions, secondRows["Sent"]));
        Assert.Equal((PerMinute, 0), (survivor.Count(IsReminder(secondSlot)), victim.Count(IsReminder(secondSlot))));
        Assert.Contains($"Slot {Zone} {secondSlot} for ", survivor.StandardError, StringComparison.Ordinal);

        // Nothing of minute 1 was sent again after the kill either.
        Assert.Equal(PerMinute, nodeA.Count(IsReminder(firstSlot)) + nodeB.Count(IsReminder(firstSlot)));

        // The rest of the day comes due: the survivor sends the snooze and the unanswered follow-ups, and nothing of the
        // follow-ups Done or the snooze ended. Per (subscription, date, kind, sequence) one send across both nodes.
        await database.MakeAllDueAsync(TimeProvider.System.GetUtcNow());
        await survivor.WaitUntilAsync(async () => await database.CountUnsentAsync() == 0, TimeSpan.FromSeconds(30), "send every follow-up and snooze left");
        await survivor.StopAsync();
        foreach (var mix in mixes)
        {
            await mix.AssertDeliveredAsync([nodeA, nodeB], dailyRepeatsAllowed: 0);
        }
    }

    [SkippableFact]
    public async Task DeadNodesClaims_AreSentByALiveNode_OnceClaimTimeoutPasses_WithoutARestart()
    {
        await using var scratch = await PostgresServer.CreateDatabaseAsync();
        var database = await ReminderDatabase.MigrateAsync(StorageProvider.Postgres, scratch.ConnectionString);
        const string Slot = "04:44";
        const int Claimed = 50;
        var claimTimeout = TimeSpan.FromSeconds(2);
        await database.AddConsoleSubscriptionsAsync(Slot, Zone, Claimed, "orphan", TimeProvider.System.GetUtcNow());
        using var work = new TempDirectory();
        await using var node = LymphBotInstance.Start(
            "live node",
            work.Path,
            ["--Storage:Provider=Postgres", $"--ConnectionStrings:LymphBot={scratch.ConnectionString}", "--Reminders:ClaimTimeout=00:00:02"]);
        await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));

        // Claimed just now by another node that then died: this node has long finished starting, so only its
        // regular release, not the one at start, can give them back.
        var claimedAt = TimeProvider.System.GetUtcNow();
        await database.AddClaimedOccurrencesAsync(Slot, claimedAt);
        await node.WaitUntilAsync(() => node.Count(IsReminder(Slot)) > 0, TimeSpan.FromSeconds(30), "send the orphaned occurrences");
        var firstSentAfter = TimeProvider.System.GetUtcNow() - claimedAt;
        await node.WaitUntilAsync(async () => (await database.CountOccurrencesAsync(Slot))["Sent"] == Claimed, TimeSpan.FromSeconds(30), "record them as sent");
        await node.StopAsync();
        output.WriteLine($"first orphaned occurrence printed {firstSentAfter.TotalSeconds:0.00}s after the claim");

        // Not taken from a live sender before the timeout, not left behind after it; each sent once.
        Assert.InRange(firstSentAfter, claimTimeout, claimTimeout + TimeSpan.FromSeconds(10));
        Assert.Equal(Claimed, node.Count(IsReminder(Slot)));
        Assert.Equal(Claimed, (await database.CountOccurrencesAsync(Slot))["Sent"]);
    }

    private static Func<string, bool> IsReminder(string slot) => line => line.Contains($"Your daily routine ({slot})", StringComparison.Ordinal);

    /// <summary>
    /// The Quartz instance id of the node that just started: the one row in the cluster's check-in table that is not
    /// one of <paramref name="known"/>. Quartz may start after the host reports started, so this waits for it.
    /// </summary>
    private static async Task<string> CheckedInAsync(ReminderDatabase database, LymphBotInstance node, string[] known)
    {
        string[] added = [];
        await node.WaitUntilAsync(
            async () =>
            {
                await using var connection = await database.Database.OpenAsync(CancellationToken.None);
                var instances = await connection.QueryAsync<string>("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'LymphBot'");
                added = [.. instances.Except(known)];
                return added.Length > 0;
            },
            TimeSpan.FromSeconds(30),
            "check in to the Quartz cluster");
        return Assert.Single(added);
    }

    private static async Task<string?> AcquiredByAsync(ReminderDatabase database, string name, string group)
    {
        await using var connection = await database.Database.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE sched_name = 'LymphBot' AND trigger_name = @Name AND trigger_group = @Group AND state = 'ACQUIRED'",
            new { Name = name, Group = group });
    }
}
