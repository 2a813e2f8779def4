using System.Diagnostics;
using LymphBot.Core.Scheduling;
using LymphBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace LymphBot.Tests.Reminders;

/// <summary>
/// The host process is killed (as by <c>kill -9</c>) in the middle of a burst of reminders on the real clock, then
/// started again: every occurrence is still delivered at once, and the only repeats are sends that were in flight.
/// The burst's minute holds every kind of schedule (<see cref="ScheduleMix"/>), a snooze pressed before the kill comes
/// due after it, follow-ups written before the kill are sent after it, and Done pressed between follow-ups ends them.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
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
        var (burst, snoozedEarly, first, printedBeforeKill, atKill) = await KilledMidBurstAsync(clock);
        using var _ = burst;
        var mix = burst.Mix!;
        var occurrences = burst.Occurrences;

        // Sent is recorded after the print, so every Sent row was printed; only Sending rows may have been printed unrecorded.
        Assert.InRange(printedBeforeKill, atKill["Sent"], atKill["Sent"] + atKill["Sending"]);

        // The outage outlasts what was written before the kill: the snooze pressed then, and the unanswered reminder's
        // first follow-up, are due when the bot is back.
        var back = TimeProvider.System.GetUtcNow();
        Assert.Equal(1, await burst.Database.MakeDueAsync(snoozedEarly.Id, DeliveryKind.Snooze, 1, back));
        Assert.Equal(1, await burst.Database.MakeDueAsync(mix.NagUnanswered.Id, DeliveryKind.FollowUp, 1, back));

        // The default claim timeout (2 min) stays: on SQLite the restarted bot knows the claims are its dead self's
        // and sends them at once.
        await using var second = LymphBotInstance.Start("second run", burst.DataPath, [burst.ConnectionSetting]);
        await second.WaitUntilAsync(
            async () => (await burst.CountAsync())["Sent"] == occurrences
                && await burst.Database.StateOfAsync(snoozedEarly.Id, DeliveryKind.Snooze, 1) == "Sent"
                && await burst.Database.StateOfAsync(mix.NagUnanswered.Id, DeliveryKind.FollowUp, 1) == "Sent",
            TimeSpan.FromSeconds(45),
            "record every occurrence, the early snooze and the first follow-up as sent, without waiting for the claim timeout");

        // Done between follow-ups, and a snooze on one; then the rest of the day comes due, and only what is left is sent.
        await mix.PressDoneAsync([second]);
        await mix.PressSnoozeAsync([second]);
        await burst.Database.MakeAllDueAsync(TimeProvider.System.GetUtcNow());
        await second.WaitUntilAsync(async () => await burst.Database.CountUnsentAsync() == 0, TimeSpan.FromSeconds(30), "send every follow-up and snooze left");
        await second.StopAsync();
        var printedAfterRestart = second.Count(burst.IsReminder);

        var final = await burst.CountAsync();
        var duplicates = printedBeforeKill + printedAfterRestart - occurrences;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s restarted: {printedAfterRestart} print(s); {final}; duplicates {duplicates} (in flight at kill: {atKill["Sending"]})");

        // No occurrence lost or doubled: one row per occurrence, all sent.
        Assert.Equal((occurrences, occurrences, occurrences), (final.Rows, final.Subscriptions, final["Sent"]));

        // The restart sends exactly what had not been recorded as sent, once each; the only repeats are sends that
        // were in flight at the kill, not the rest of the claimed batch.
        Assert.Equal(occurrences - atKill["Sent"], printedAfterRestart);
        Assert.InRange(duplicates, 0, InFlight);

        // Every kind, per (subscription, date, kind, sequence): sent once (an occurrence in flight at the kill at most
        // twice), the one-off and the course's last day finished once, no follow-up after Done or a snooze.
        await mix.AssertDeliveredAsync([first, second], dailyRepeatsAllowed: 1);
    }

    /// <summary>
    /// Runs a burst and kills the host in it. The kill is meant to land with sends in flight, or the test would prove
    /// nothing; on a loaded machine it can land in the moment between one claimed batch being recorded and the next
    /// being claimed, with nothing in flight. Such a run is inconclusive, not wrong, so it is tried again with a fresh
    /// burst (at most <see cref="Attempts"/> runs).
    /// </summary>
    /// <remarks>
    /// Before the burst, the first run sends one occurrence of the console's member and the member presses Snooze on it.
    /// Returns that reminder, and the killed first run (its output kept).
    /// </remarks>
    private async Task<(ReminderBurst Burst, MixedReminder SnoozedEarly, LymphBotInstance First, int PrintedBeforeKill, OccurrenceCounts AtKill)> KilledMidBurstAsync(Stopwatch clock)
    {
        for (var attempt = 1; ; attempt++)
        {
            var burst = await ReminderBurst.CreateAsync($"crash{attempt}", mixed: true);
            var snoozedEarly = await burst.Mix!.AddPendingOccurrenceAsync("snoozed early");
            int printedBeforeKill;
            LymphBotInstance killed;
            await using (var first = await burst.StartStalledAsync("first run", [$"--Reminders:SendConcurrency={InFlight}"], host => burst.Mix.PressSnoozeAsync([host], snoozedEarly)))
            {
                killed = first;
                // Let a few more sends through and kill at once: some print, but die before recording that they were sent.
                var read = first.Lines.Count;
                first.AllowOutput(KillWithinLines);
                await first.WaitUntilAsync(() => first.Lines.Count >= read + KillWithinLines, TimeSpan.FromSeconds(30), "print on");
                await first.KillAsync();
                printedBeforeKill = first.Count(burst.IsReminder);
            }

            var atKill = await burst.CountAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s run {attempt} killed after {printedBeforeKill} print(s); {atKill}");
            if (atKill["Sending"] > 0 && atKill["Sent"] > 0 && atKill["Sent"] < burst.Occurrences)
            {
                return (burst, snoozedEarly, killed, printedBeforeKill, atKill);
            }

            burst.Dispose();
            Assert.True(attempt < Attempts, $"the kill landed with nothing in flight in {Attempts} runs: {atKill}");
        }
    }
}
