using System.Diagnostics;
using System.Globalization;
using LymphBot.Core.Knowledge;
using LymphBot.Http;

namespace LymphBot.Startup.Bench;

/// <summary>
/// Starts the host on one data set again and again, console chat off and no adapters: the first start on a new
/// database separately (it provisions Quartz's tables, creates every slot trigger and, on an empty database, runs
/// the migrations), then <c>runs</c> restarts. Each start is timed from process start to the first 200 from
/// <c>/readyz</c>, and by the host's own log timestamps to the knowledge base loaded, Kestrel listening, and the
/// start-up summary line.
/// </summary>
internal static class StartupScenario
{
    // Log categories of the three moments read from the host's log.
    private static readonly string Summary = typeof(StartupSummary).FullName!;
    private static readonly string Knowledge = typeof(KnowledgeBase).FullName!;
    private const string Lifetime = "Microsoft.Hosting.Lifetime";

    private static readonly string[] TimelineLogging =
    [
        "--Console:Enabled=false",
        "--Logging:LogLevel:Microsoft.Extensions.Hosting=Debug",
        "--Logging:LogLevel:Quartz=Information",
    ];

    public static async Task<IReadOnlyList<StartTiming>> RunAsync(string label, BenchData data, HostLauncher host, int runs, Report report)
    {
        var timings = new List<StartTiming>();
        for (var run = 0; run <= runs; run++)
        {
            var timing = await StartOnceAsync(data, host);
            timings.Add(timing);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label} {(run == 0 ? "first" : $"run {run}")}: ready {timing.Ready.TotalMilliseconds:N0} ms"));
        }

        var first = timings[0];
        report.Add(label, "first start (new database)", Ms(first.Ready), $"listening {Ms(first.Listening)}, summary {Ms(first.Summary)}");
        var warm = timings.Skip(1).ToList();
        report.Add(label, $"restart to ready, {warm.Count} runs", Spread(warm.Select(t => t.Ready)), Verdict(warm));
        report.Add(label, "restart: knowledge loaded (log)", Spread(warm.Select(t => t.KnowledgeLoaded)));
        report.Add(label, "restart: Kestrel listening (log)", Spread(warm.Select(t => t.Listening)));
        report.Add(label, "restart: summary line (log)", Spread(warm.Select(t => t.Summary)));
        return timings;
    }

    /// <summary>
    /// <c>dotnet LymphBot.dll --help</c> to exit: the runtime's own start plus Main, the floor under any start-up.
    /// </summary>
    public static async Task RuntimeFloorAsync(HostLauncher host, int runs, Report report)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var start = new ProcessStartInfo("dotnet", [host.Assembly, "--help"]) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var (key, value) in host.Environment)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (i > 0)
            {
                times.Add(watch.Elapsed);
            }
        }

        report.Add("runtime floor", $"`dotnet LymphBot.dll --help` to exit, {runs} runs", Spread(times), "runtime start, no host built");
    }

    public static async Task<StartTiming> StartOnceAsync(BenchData data, HostLauncher launcher)
    {
        await using var host = launcher.Start(data, TimelineLogging);
        var (ready, _) = await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        // The summary is written once the host has started; give the logger a moment to get it out.
        var deadline = Stopwatch.StartNew();
        while (host.LoggedAt(Summary) is null && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        await host.StopAsync();
        return new StartTiming(ready, host.LoggedAt(Knowledge, "loaded") ?? TimeSpan.Zero, host.LoggedAt(Lifetime, "Now listening") ?? TimeSpan.Zero, host.LoggedAt(Summary) ?? TimeSpan.Zero, host.Log);
    }

    public static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:N0} ms");

    public static string Spread(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"median {Median(sorted).TotalMilliseconds:N0} ms (min {sorted[0].TotalMilliseconds:N0}, max {sorted[^1].TotalMilliseconds:N0})");
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Verdict(List<StartTiming> warm) =>
        Median(warm.Select(t => t.Ready)) < TimeSpan.FromSeconds(2) ? "target < 2 s: met" : "target < 2 s: NOT met";
}
