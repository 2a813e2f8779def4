using System.Diagnostics;
using LymphBot.Core.Tests.TestSupport;
using LymphBot.Storage;
using LymphBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace LymphBot.Tests.Reminders;

/// <summary>
/// The host process is killed (as by <c>kill -9</c>) in the middle of a burst of reminders on the real clock, then
/// started again: every occurrence is still delivered, and the only repeats are sends that were in flight.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    /// <summary>More reminders than the stdout pipe holds (64 KiB; each print is over 100 bytes), so the burst cannot finish unread.</summary>
    private const int Subscriptions = 1000;

    /// <summary>Lines read after the stall before the kill: beyond the reader's 4 KiB buffer, so the stalled sends move on.</summary>
    private const int KillWithinLines = 300;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KilledDuringBurst_Restarted_DeliversEveryOccurrence_RepeatsAtMostTheInFlightSends()
    {
        var clock = Stopwatch.StartNew();
        using var data = new TempDirectory();
        var connectionString = $"Data Source={data.Combine("lymphbot.db")}";
        var database = await ReminderDatabase.MigrateAsync(StorageProvider.Sqlite, connectionString);
        var minute = UpcomingMinute.After(TimeSpan.FromSeconds(10));
        var slot = UpcomingMinute.Format(minute);
        await database.AddConsoleSubscriptionsAsync(slot, "UTC", Subscriptions, "crash", TimeProvider.System.GetUtcNow());
        SqliteConnection.ClearAllPools();
        string[] settings = [$"--ConnectionStrings:LymphBot={connectionString}"];
        bool IsReminder(string line) => line.Contains($"Your daily routine ({slot})", StringComparison.Ordinal);

        int printedBeforeKill;
        await using (var first = LymphBotInstance.Start("first run", data.Path, settings))
        {
            await first.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));
            Assert.True(UpcomingMinute.Until(minute) > TimeSpan.Zero, $"the host took until after {slot} UTC to start");

            // Freeze the burst midway, with sends in flight, whatever the machine's speed; then kill the process.
            first.PauseOutput();
            var (lastSent, stableSince) = (-1, clock.Elapsed);
            await first.WaitUntilAsync(
                async () =>
                {
                    var counts = await database.CountOccurrencesAsync(slot);
                    if (counts["Sent"] != lastSent)
                    {
                        (lastSent, stableSince) = (counts["Sent"], clock.Elapsed);
                    }

                    return counts.Rows == Subscriptions && lastSent > 0 && clock.Elapsed - stableSince > TimeSpan.FromSeconds(1);
                },
                UpcomingMinute.Until(minute) + TimeSpan.FromSeconds(60),
                "write every occurrence and stall on its full stdout");

            // Let a few more sends through and kill at once: some print, but die before recording that they were sent.
            var read = first.Lines.Count;
            first.AllowOutput(KillWithinLines);
            await first.WaitUntilAsync(() => first.Lines.Count >= read + KillWithinLines, TimeSpan.FromSeconds(30), "print on");
            await first.KillAsync();
            printedBeforeKill = first.Count(IsReminder);
        }

        SqliteConnection.ClearAllPools();
        var atKill = await database.CountOccurrencesAsync(slot);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s killed after {printedBeforeKill} print(s); {atKill}");

        // The kill landed inside the burst, with sends in flight, or this test would prove nothing.
        Assert.InRange(atKill["Sent"], 1, Subscriptions - 1);
        Assert.True(atKill["Sending"] > 0, $"nothing was in flight: {atKill}");

        // Sent is recorded after the print, so every Sent row was printed; only Sending rows may have been printed unrecorded.
        Assert.InRange(printedBeforeKill, atKill["Sent"], atKill["Sent"] + atKill["Sending"]);

        int printedAfterRestart;
        OccurrenceCounts final;
        await using (var second = LymphBotInstance.Start("second run", data.Path, [.. settings, "--Reminders:ClaimTimeout=00:00:01"]))
        {
            await second.WaitUntilAsync(
                async () => (await database.CountOccurrencesAsync(slot))["Sent"] == Subscriptions,
                TimeSpan.FromSeconds(90),
                "record every occurrence as sent");
            await second.StopAsync();
            printedAfterRestart = second.Count(IsReminder);
            final = await database.CountOccurrencesAsync(slot);
        }

        SqliteConnection.ClearAllPools();
        var duplicates = printedBeforeKill + printedAfterRestart - Subscriptions;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s restarted: {printedAfterRestart} print(s); {final}; duplicates {duplicates} (in flight at kill: {atKill["Sending"]})");

        // No occurrence lost or doubled: one row per subscription, all sent.
        Assert.Equal((Subscriptions, Subscriptions, Subscriptions), (final.Rows, final.Subscriptions, final["Sent"]));

        // The restart sends exactly what had not been recorded as sent, once each.
        Assert.Equal(Subscriptions - atKill["Sent"], printedAfterRestart);
        Assert.InRange(duplicates, 0, atKill["Sending"]);
    }
}
