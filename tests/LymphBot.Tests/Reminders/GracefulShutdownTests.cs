using System.Diagnostics;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace LymphBot.Tests.Reminders;

/// <summary>
/// SIGTERM (what <c>docker stop</c> sends) in the middle of a burst of reminders on the real clock: the host finishes
/// the deliveries in flight, records them and exits 0 within <c>Shutdown:Timeout</c>; what had not gone out is sent
/// after the next start, and nothing that was recorded as sent goes out again.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private const int Subscriptions = ReminderBurst.Subscriptions;

    /// <summary>Reminders:SendConcurrency's default: at most this many sends are in flight at once.</summary>
    private const int SendConcurrency = 32;

    /// <summary>Logs "Application is shutting down" on SIGTERM; appsettings.json quiets this category to warnings.</summary>
    private const string LifetimeLogged = "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information";

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Process exit after the host has stopped (runtime teardown), on a machine busy with other builds.</summary>
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(10);

    private static readonly string[] ShortShutdown = [$"--Shutdown:Timeout={ShutdownTimeout:c}", LifetimeLogged];

    [SkippableFact]
    [Trait("Category", "Slow")]
    public async Task SigtermDuringBurst_FinishesClaimedSends_ExitsZero_RestartSendsTheRestOnce()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SIGTERM is sent with kill(1) on Linux");
        var clock = Stopwatch.StartNew();
        using var burst = await ReminderBurst.CreateAsync("sigterm");

        int printedFirst;
        OccurrenceCounts atSigterm;
        await using (var first = await burst.StartStalledAsync("first run", ShortShutdown))
        {
            // SIGTERM while the sends are stalled, then they go on. (The host's logs cannot show when it took the
            // signal: .NET writes stderr under the same lock as the stalled stdout.)
            atSigterm = await burst.CountAsync();
            var sigterm = Stopwatch.StartNew();
            var exitCode = await first.TerminateAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s SIGTERM at {atSigterm}; exit {exitCode} after {sigterm.Elapsed.TotalSeconds:0.0}s");
            Assert.True(exitCode == 0, $"exit code {exitCode}\n{first.Diagnostics()}");
            Assert.True(sigterm.Elapsed < ShutdownTimeout + ExitMargin, $"exit took {sigterm.Elapsed}");
            Assert.Contains("Application is shutting down", first.StandardError, StringComparison.Ordinal);
            printedFirst = first.Count(burst.IsReminder);
        }

        var atExit = await burst.CountAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s first run printed {printedFirst}; {atExit}");

        // The signal landed inside the burst, with sends in flight, or this test would prove nothing.
        Assert.True(atSigterm["Sending"] > 0 && atSigterm["Pending"] > 0, $"nothing in flight or nothing left at SIGTERM: {atSigterm}");

        // A clean stop leaves no claim behind: in-flight sends finished and were recorded; the rest is still pending.
        Assert.Equal(0, atExit["Sending"]);
        Assert.Equal(Subscriptions, atExit["Sent"] + atExit["Pending"]);
        Assert.True(atExit["Sent"] >= atSigterm["Sent"] + atSigterm["Sending"], $"claimed sends were not finished: {atSigterm} -> {atExit}");
        Assert.Equal(atExit["Sent"], printedFirst);

        var printedSecond = await RestartUntilAllSentAsync(burst);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s second run printed {printedSecond}");

        // Sent is recorded only after the print, so with exactly as many prints as subscriptions over both runs and
        // every occurrence sent, each subscription's reminder was printed once and none twice.
        Assert.Equal(Subscriptions - atExit["Sent"], printedSecond);
        Assert.Equal(Subscriptions, printedFirst + printedSecond);
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public async Task SigtermWithSendsStalledPastTheTimeout_ExitsInTime_RecordsWhatWentOut_RepeatsOnlyTheCutSend()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SIGTERM is sent with kill(1) on Linux");
        var clock = Stopwatch.StartNew();
        using var burst = await ReminderBurst.CreateAsync("stalled");

        int printedFirst;
        await using (var first = await burst.StartStalledAsync("first run", ShortShutdown))
        {
            // The sends stay stalled past Shutdown:Timeout: the host gives up waiting for them and exits anyway.
            var sigterm = Stopwatch.StartNew();
            await first.SendSigtermAsync();
            await first.WaitUntilAsync(() => first.HasExited, ShutdownTimeout + ExitMargin, "exit after its shutdown timeout");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s exited after {sigterm.Elapsed.TotalSeconds:0.0}s");
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, first.Diagnostics());
            printedFirst = first.Count(burst.IsReminder);
        }

        var atExit = await burst.CountAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s first run printed {printedFirst}; {atExit}");

        // What went out before the timeout was recorded, and what was claimed but never started was handed back:
        // only the sends in flight stay claimed. The console prints one message at a time, so at most one print
        // (the one cut off mid-write) went out unrecorded.
        Assert.Equal(Subscriptions, atExit.Rows);
        Assert.InRange(atExit["Sending"], 1, SendConcurrency);
        Assert.InRange(printedFirst, atExit["Sent"], atExit["Sent"] + 1);

        // The restart takes the in-flight sends back once their claims expire, and repeats nothing else.
        var printedSecond = await RestartUntilAllSentAsync(burst, "--Reminders:ClaimTimeout=00:00:01");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s second run printed {printedSecond}");
        Assert.Equal(Subscriptions - atExit["Sent"], printedSecond);
        Assert.InRange(printedFirst + printedSecond - Subscriptions, 0, 1);
    }

    [SkippableFact]
    public async Task SigtermWhileIdle_ExitsZero_WithoutSittingOutTheTimeout()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SIGTERM is sent with kill(1) on Linux");
        using var data = new TempDirectory();

        // The default Shutdown:Timeout (30 s): with nothing in flight the host must not wait for it.
        await using var bot = LymphBotInstance.Start("idle", data.Path, [$"--ConnectionStrings:LymphBot=Data Source={data.Combine("lymphbot.db")}", LifetimeLogged]);
        await bot.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));

        var sigterm = Stopwatch.StartNew();
        var exitCode = await bot.TerminateAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{bot.Diagnostics()}");
        Assert.True(sigterm.Elapsed < ExitMargin, $"exit took {sigterm.Elapsed}");
        Assert.Contains("Application is shutting down", bot.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Runs the host again until every occurrence is recorded as sent; returns how many reminders it printed.</summary>
    private static async Task<int> RestartUntilAllSentAsync(ReminderBurst burst, params string[] settings)
    {
        await using var second = LymphBotInstance.Start("second run", burst.DataPath, [burst.ConnectionSetting, .. settings]);
        await second.WaitUntilAsync(async () => (await burst.CountAsync())["Sent"] == Subscriptions, TimeSpan.FromSeconds(90), "record every occurrence as sent");
        await second.StopAsync();
        var final = await burst.CountAsync();
        Assert.Equal((Subscriptions, Subscriptions, Subscriptions), (final.Rows, final.Subscriptions, final["Sent"]));
        return second.Count(burst.IsReminder);
    }
}
