using System.Diagnostics;
using LymphBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace LymphBot.Tests.Reminders;

/// <summary>
/// The host process is killed (as by <c>kill -9</c>) in the middle of a burst of reminders on the real clock, then
/// started again: every occurrence is still delivered at once, and the only repeats are sends that were in flight.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Subscriptions = ReminderBurst.Subscriptions;

    /// <summary>Lines read after the stall before the kill: beyond the reader's 4 KiB buffer, so the stalled sends move on.</summary>
    private const int KillWithinLines = 300;

    /// <summary>Sends in flight at once; with each outcome recorded as it completes, the most a kill can repeat.</summary>
    private const int InFlight = 8;

    /// <summary>Runs of the burst before a kill that never lands with sends in flight fails the test.</summary>
    private const int Attempts = 3;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KilledDuringBurst_Restarted_DeliversEveryOccurrence_RepeatsAtMostTheInFlightSends()
    {
        var clock = Stopwatch.StartNew();
        var (burst, printedBeforeKill, atKill) = await KilledMidBurstAsync(clock);
        using var _ = burst;

        // Sent is recorded after the print, so every Sent row was printed; only Sending rows may have been printed unrecorded.
        Assert.InRange(printedBeforeKill, atKill["Sent"], atKill["Sent"] + atKill["Sending"]);

        // The default claim timeout (2 min) stays: on SQLite the restarted bot knows the claims are its dead self's
        // and sends them at once.
        int printedAfterRestart;
        await using (var second = LymphBotInstance.Start("second run", burst.DataPath, [burst.ConnectionSetting]))
        {
            await second.WaitUntilAsync(async () => (await burst.CountAsync())["Sent"] == Subscriptions, TimeSpan.FromSeconds(45), "record every occurrence as sent, without waiting for the claim timeout");
            await second.StopAsync();
            printedAfterRestart = second.Count(burst.IsReminder);
        }

        var final = await burst.CountAsync();
        var duplicates = printedBeforeKill + printedAfterRestart - Subscriptions;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s restarted: {printedAfterRestart} print(s); {final}; duplicates {duplicates} (in flight at kill: {atKill["Sending"]})");

        // No occurrence lost or doubled: one row per subscription, all sent.
        Assert.Equal((Subscriptions, Subscriptions, Subscriptions), (final.Rows, final.Subscriptions, final["Sent"]));

        // The restart sends exactly what had not been recorded as sent, once each; the only repeats are sends that
        // were in flight at the kill, not the rest of the claimed batch.
        Assert.Equal(Subscriptions - atKill["Sent"], printedAfterRestart);
        Assert.InRange(duplicates, 0, InFlight);
    }

    /// <summary>
    /// Runs a burst and kills the host in it. The kill is meant to land with sends in flight, or the test would prove
    /// nothing; on a loaded machine it can land in the moment between one claimed batch being recorded and the next
    /// being claimed, with nothing in flight. Such a run is inconclusive, not wrong, so it is tried again with a fresh
    /// burst (at most <see cref="Attempts"/> runs).
    /// </summary>
    private async Task<(ReminderBurst Burst, int PrintedBeforeKill, OccurrenceCounts AtKill)> KilledMidBurstAsync(Stopwatch clock)
    {
        for (var attempt = 1; ; attempt++)
        {
            var burst = await ReminderBurst.CreateAsync($"crash{attempt}");
            int printedBeforeKill;
            await using (var first = await burst.StartStalledAsync("first run", [$"--Reminders:SendConcurrency={InFlight}"]))
            {
                // Let a few more sends through and kill at once: some print, but die before recording that they were sent.
                var read = first.Lines.Count;
                first.AllowOutput(KillWithinLines);
                await first.WaitUntilAsync(() => first.Lines.Count >= read + KillWithinLines, TimeSpan.FromSeconds(30), "print on");
                await first.KillAsync();
                printedBeforeKill = first.Count(burst.IsReminder);
            }

            var atKill = await burst.CountAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s run {attempt} killed after {printedBeforeKill} print(s); {atKill}");
            if (atKill["Sending"] > 0 && atKill["Sent"] is > 0 and < Subscriptions)
            {
                return (burst, printedBeforeKill, atKill);
            }

            burst.Dispose();
            Assert.True(attempt < Attempts, $"the kill landed with nothing in flight in {Attempts} runs: {atKill}");
        }
    }
}
