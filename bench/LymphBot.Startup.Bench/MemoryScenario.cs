using System.Globalization;
using System.Text.Json;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Telegram.Tests.StandIn;

namespace LymphBot.Startup.Bench;

/// <summary>
/// The host with both adapters on, against the tests' stand-in Bot API and Discord servers on 127.0.0.1 (tokens in
/// the environment, as deployed; console chat off): once ready with Discord identified and Telegram long-polling, it
/// idles, then the bench reads its memory from /proc and the GC's own figures from <c>/metrics</c> (the runtime's
/// <c>System.Runtime</c> meter, switched on by configuration for this run only).
/// </summary>
internal static class MemoryScenario
{
    public const long TargetBytes = 150_000_000;

    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Settings to compare. The first is what the build and the container ship (the Dockerfile sets no GC variable, so
    /// the container runs the same runtimeconfig.json: gen0 budget capped at 6 MiB, idle trimming on). The others take one
    /// part away or try the runtime's documented alternatives; a container memory limit makes the GC cap its heap at 75%
    /// of it, which the heap-limit variant imitates.
    /// </summary>
    public static readonly (string Name, Dictionary<string, string> Environment)[] Variants =
    [
        ("as shipped: workstation GC, gen0 budget capped at 6 MiB, trimming when idle", []),
        ("without idle trimming (Memory__TrimWhenIdle=false)", new() { ["Memory__TrimWhenIdle"] = "false" }),
        ("the runtime's gen0 budget on this VM, 80 MiB (DOTNET_GCGen0MaxBudget=0x5000000)", new() { ["DOTNET_GCGen0MaxBudget"] = "0x5000000" }),
        ("server GC with DATAS (DOTNET_gcServer=1)", new() { ["DOTNET_gcServer"] = "1" }),
        ("as in a 256 MiB container (DOTNET_GCHeapHardLimit=0xC000000)", new() { ["DOTNET_GCHeapHardLimit"] = "0xC000000" }),
    ];

    public static async Task RunAsync(string label, BenchData data, HostLauncher launcher, TimeSpan idle, IEnumerable<(string Name, Dictionary<string, string> Environment)> variants, Report report)
    {
        foreach (var (variant, environment) in variants)
        {
            var name = $"{label}; {variant}";
            await using var telegram = await TelegramStandIn.StartAsync();
            await using var discord = await StandInDiscord.StartAsync();
            var gateway = discord.AcceptIdentifiedAsync();
            var settings = new Dictionary<string, string>(environment)
            {
                ["Telegram__Token"] = TelegramStandIn.Token,
                ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
                ["Discord__Token"] = "bench.discord.token",
                ["Discord__ApiBaseUrl"] = discord.ApiUrl.ToString(),
            };
            await using var host = launcher.Start(data, ["--Console:Enabled=false", "--Metrics:EnabledMetrics:System.Runtime=true"], settings);
            var (ready, body) = await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await gateway;
            await telegram.WaitUntilAsync(t => t.Calls("getUpdates").Count > 0);
            if (!body.Contains("discord: connected", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("/readyz does not list Discord as connected: " + body);
            }

            var atReady = ProcessMemory.Read(host.ProcessId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: ready in {ready.TotalMilliseconds:N0} ms, both adapters connected; working set {MiB(atReady.WorkingSet)}; idling {idle.TotalSeconds:0} s ..."));
            var samples = new List<string> { $"ready {MiB(atReady.WorkingSet)}" };
            for (var waited = TimeSpan.Zero; waited < idle; waited += Sample)
            {
                await Task.Delay(Sample < idle - waited ? Sample : idle - waited);
                samples.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Min((waited + Sample).TotalSeconds, idle.TotalSeconds):0} s {MiB(ProcessMemory.Read(host.ProcessId).WorkingSet)}"));
                Console.WriteLine("    " + samples[^1]);
            }

            var idleMemory = ProcessMemory.Read(host.ProcessId);
            var gc = RuntimeMetrics.Parse(await host.GetAsync("/metrics"));
            await host.StopAsync();

            report.Add(name, "ready, both adapters connected", StartupScenario.Ms(ready), $"readyz platforms: {Platforms(body)}");
            report.Add(name, $"working set (VmRSS) at ready -> after {idle.TotalSeconds:0} s idle", $"{MiB(atReady.WorkingSet)} -> **{MiB(idleMemory.WorkingSet)}**", idleMemory.WorkingSet < TargetBytes ? "target < 150 MB (143.05 MiB): met" : "target < 150 MB (143.05 MiB): NOT met");
            report.Add(name, "  of which anonymous / file-backed / shared", $"{MiB(idleMemory.Anonymous)} / {MiB(idleMemory.FileBacked)} / {MiB(idleMemory.Shared)}", "file: mapped assemblies and native libraries; shared: JIT code and stubs (W^X double mapping)");
            report.Add(name, "private memory (smaps Private_*) / PSS", $"{MiB(idleMemory.Private)} / {MiB(idleMemory.Proportional)}", $"peak working set (VmHWM) {MiB(idleMemory.Peak)}");
            report.Add(name, "GC heap / GC committed, at the last GC", $"{MiB(gc.HeapSize)} / {MiB(gc.Committed)}", string.Create(CultureInfo.InvariantCulture, $"{gc.Collections} GCs, {MiB(gc.Allocated)} allocated since start (read after the idle)"));
            report.Add(name, "working set while idle, every 10 s", string.Join(", ", samples).Replace(" MiB", string.Empty, StringComparison.Ordinal), "MiB");
        }
    }

    private static string Platforms(string readyz)
    {
        using var json = JsonDocument.Parse(readyz);
        return json.RootElement.GetProperty("checks").GetProperty("platforms").GetProperty("detail").GetString() ?? string.Empty;
    }

    public static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MiB");
}
