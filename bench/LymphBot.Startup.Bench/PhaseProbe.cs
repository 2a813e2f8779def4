using System.Diagnostics;
using System.Globalization;
using System.Text;
using LymphBot.Core.Knowledge;
using LymphBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Quartz;

namespace LymphBot.Startup.Bench;

/// <summary>
/// Where a start's time goes. The bench runs itself again as a fresh child process (cold, like the host), which
/// builds the real host through <c>Program.CreateBuilder</c> and <c>Program.Build</c> with the same settings and does
/// what <c>Program.RunAsync</c> and the host's own start do, one step at a time with a stopwatch around each: every
/// hosted service's <c>StartAsync</c> in registration order (Kestrel's is <c>GenericWebHostService</c>), then
/// ApplicationStarted, after which Quartz starts its scheduler. The child runs with the host's runtimeconfig.json (GC,
/// tiered compilation), and always on the host build beside the bench, whatever <c>--host</c> says.
/// </summary>
internal static class PhaseProbe
{
    public const string ChildMode = "phases-child";

    public static async Task RunAsync(BenchData data, HostLauncher launcher, int runs, Report report)
    {
        var phases = new List<(string Phase, List<TimeSpan> Times)>();
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = data.Folder };
            var self = typeof(PhaseProbe).Assembly.Location;
            var hostRuntimeConfig = Path.Combine(Path.GetDirectoryName(self)!, "LymphBot.runtimeconfig.json");
            foreach (var arg in (string[])["exec", "--runtimeconfig", hostRuntimeConfig, self, ChildMode, "--Console:Enabled=false", "--Http:Urls=http://127.0.0.1:0", .. data.Configuration, .. launcher.Arguments])
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (key, value) in launcher.Environment)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"phase probe failed ({process.ExitCode}):\n{output}\n{await errors}");
            }

            foreach (var (line, i) in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => (l.Split('\t'), i)))
            {
                if (run == 0)
                {
                    phases.Add((line[0], []));
                }

                phases[i].Times.Add(TimeSpan.FromMilliseconds(double.Parse(line[1], CultureInfo.InvariantCulture)));
            }
        }

        var text = new StringBuilder("| Phase | Median | Min | Max |\n|---|---|---|---|\n");
        foreach (var (phase, times) in phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {phase} | {StartupScenario.Median(times).TotalMilliseconds:N0} ms | {times.Min().TotalMilliseconds:N0} | {times.Max().TotalMilliseconds:N0} |\n");
        }

        report.Section($"Where a restart's time goes ({runs} cold child processes, each step timed in-process)", text.ToString());
    }

    /// <summary>The child: prints one "phase TAB milliseconds" line per step.</summary>
    public static async Task<int> RunChildAsync(string[] configuration)
    {
        var watch = Stopwatch.StartNew();
        void Mark(string phase)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}\t{watch.Elapsed.TotalMilliseconds:0.0}"));
            watch.Restart();
        }

        using (var self = Process.GetCurrentProcess())
        {
            var sinceStart = TimeProvider.System.GetLocalNow().DateTime - self.StartTime;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process start to Main (runtime start)\t{sinceStart.TotalMilliseconds:0.0}"));
        }

        watch.Restart();
        var builder = Program.CreateBuilder(configuration);
        Mark("Program.CreateBuilder (configuration, logging, registrations)");
        await using var app = Program.Build(builder);
        Mark("Program.Build (service provider, endpoints)");
        app.Services.GetService<IStartupValidator>()?.Validate();
        Mark("options validated");
        app.Services.GetRequiredService<KnowledgeBase>();
        Mark("knowledge base read, validated, indexed");
        await app.Services.GetRequiredService<StorageInitializer>().PrepareAsync(CancellationToken.None);
        Mark("SQLite instance lock and schema migrations");
        var services = app.Services.GetServices<IHostedService>().ToList();
        foreach (var service in services)
        {
            await service.StartAsync(CancellationToken.None);
            Mark($"StartAsync {service.GetType().Name}");
        }

        ((ApplicationLifetime)app.Services.GetRequiredService<IHostApplicationLifetime>()).NotifyStarted();
        Mark("ApplicationStarted callbacks");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        while (scheduler.Status != SchedulerStatus.Running)
        {
            await Task.Delay(1);
        }

        Mark("Quartz scheduler started (it waits for ApplicationStarted)");
        foreach (var service in Enumerable.Reverse(services))
        {
            await service.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}
