using System.Diagnostics;
using System.Globalization;
using System.Text;
using LymphBot.Startup.Bench;

// Usage: dotnet run -c Release --project bench/LymphBot.Startup.Bench -- [all|startup|memory] [--runs=10] [--idle=60]
//        [--entries=1000] [--subscriptions=10000] [--slots=2000] [--parts=1] [--variants=5] [--host=PATH/LymphBot.dll] [--env=NAME=VALUE ...] [--Key=Value ...]
// Runs the host built beside this bench (src/LymphBot/bin/<configuration>/net10.0/LymphBot.dll), or the one --host
// names (a publish output, an older build), as a child process; --Key=Value goes to the host's configuration and
// --env=NAME=VALUE to its environment, on every start.
if (args is [PhaseProbe.ChildMode, .. var childConfiguration])
{
    return await PhaseProbe.RunChildAsync(childConfiguration);
}

var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();
int Option(string name, int fallback) =>
    options.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal)) is { } o ? int.Parse(o[(name.Length + 3)..], CultureInfo.InvariantCulture) : fallback;
var runs = Math.Max(1, Option("runs", 10));
var idle = TimeSpan.FromSeconds(Option("idle", 60));
var entries = Option("entries", 1000);
var subscriptions = Option("subscriptions", 10_000);
var slots = Option("slots", 2_000);
var parts = Option("parts", 1) == 1;
var variants = MemoryScenario.Variants[..Math.Clamp(Option("variants", MemoryScenario.Variants.Length), 1, MemoryScenario.Variants.Length)];
string[] ownOptions = ["--runs=", "--idle=", "--entries=", "--subscriptions=", "--slots=", "--parts=", "--variants=", "--host=", "--env="];
string[] hostArguments = [.. options.Where(a => !ownOptions.Any(o => a.StartsWith(o, StringComparison.Ordinal)))];
var hostEnvironment = options.Where(a => a.StartsWith("--env=", StringComparison.Ordinal)).Select(a => a["--env=".Length..].Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
if (mode is not ("all" or "startup" or "memory"))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/LymphBot.Startup.Bench -- [all|startup|memory] [--runs=10] [--idle=60] [--entries=1000] [--subscriptions=10000] [--slots=2000] [--parts=1] [--variants=5] [--host=PATH/LymphBot.dll] [--env=NAME=VALUE ...] [--Key=Value ...]");
    return 2;
}

var (root, benchFolder, builtHost) = Locate();
var host = new HostLauncher(
    options.FirstOrDefault(a => a.StartsWith("--host=", StringComparison.Ordinal)) is { } h ? Path.GetFullPath(h["--host=".Length..]) : builtHost,
    hostArguments,
    hostEnvironment);
var command = string.Join(' ', ["dotnet run -c Release --project bench/LymphBot.Startup.Bench --", mode, .. options]);
var report = new Report();
var started = TimeProvider.System.GetUtcNow();
var total = Stopwatch.StartNew();
Console.WriteLine($"{report.Machine}\nhost: {host.Assembly}\n{command}");

var target = $"{entries:N0} entries, {subscriptions:N0} subscriptions";
using var data = await BenchData.CreateAsync("target", entries, subscriptions, slots, root);
if (mode is "all" or "startup")
{
    await StartupScenario.RuntimeFloorAsync(host, runs, report);
    var timings = await StartupScenario.RunAsync(target, data, host, runs, report);
    report.Section($"Timeline of one restart ({target}), the run with the median time to ready", Timeline(timings.Skip(1).OrderBy(t => t.Ready).ElementAt(runs / 2)));
    report.Section($"Timeline of the first start on the new database ({target})", Timeline(timings[0]));
    await PhaseProbe.RunAsync(data, host, runs, report);

    // The same start without each part of the load, so the difference is what that part costs (--parts=0: skip).
    (string Label, int Entries, int Subscriptions)[] cases =
    [
        ("shipped knowledge, no subscriptions", 0, 0),
        ($"{entries:N0} entries, no subscriptions", entries, 0),
        ($"shipped knowledge, {subscriptions:N0} subscriptions", 0, subscriptions),
    ];
    foreach (var (label, partEntries, partSubscriptions) in parts ? cases : [])
    {
        using var part = await BenchData.CreateAsync("part", partEntries, partSubscriptions, slots, root);
        await StartupScenario.RunAsync(label, part, host, runs, report);
    }
}

if (mode is "all" or "memory")
{
    if (mode == "memory")
    {
        // A first start provisions Quartz and the slot triggers, so the measured ones are restarts as in production.
        await StartupScenario.StartOnceAsync(data, host);
    }

    await MemoryScenario.RunAsync(target, data, host, idle, variants, report);

    // What the data costs: the shipped knowledge base and an empty database, as shipped.
    using var small = await BenchData.CreateAsync("small", 0, 0, slots, root);
    await StartupScenario.StartOnceAsync(small, host);
    await MemoryScenario.RunAsync("shipped knowledge, no subscriptions", small, host, idle, MemoryScenario.Variants[..1], report);
}

report.Add("data", "knowledge, subscriptions, slots", $"{entries:N0} synthetic entries, {data.Subscriptions:N0} subscriptions, {data.Slots:N0} slots", $"database {data.DatabaseBytes() / 1024.0 / 1024.0:0.0} MiB");
Console.WriteLine();
Console.WriteLine(report.Table());
var results = Path.Combine(benchFolder, "RESULTS.md");
await report.WriteAsync(results, command, started, total.Elapsed);
Console.WriteLine($"written to {results} ({total.Elapsed.TotalSeconds:N0} s in all)");
return 0;

// The repository (LymphBot.sln above this binary), this project's folder, and the host built in the same configuration.
static (string Root, string BenchFolder, string HostAssembly) Locate()
{
    var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
    var configuration = bin.Parent!.Name;
    for (var dir = bin; dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LymphBot.sln")))
        {
            var host = Path.Combine(dir.FullName, "src", "LymphBot", "bin", configuration, "net10.0", "LymphBot.dll");
            return File.Exists(host)
                ? (dir.FullName, Path.Combine(dir.FullName, "bench", "LymphBot.Startup.Bench"), host)
                : throw new FileNotFoundException("Build the host first (the bench's project reference does).", host);
        }
    }

    throw new InvalidOperationException("Could not find LymphBot.sln above " + AppContext.BaseDirectory);
}

// The host's own log lines with their times from process start, as a Markdown code block.
static string Timeline(StartTiming timing)
{
    var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Ready (first 200 from /readyz) at {timing.Ready.TotalMilliseconds:N0} ms.\n\n```\n");
    foreach (var line in timing.Log)
    {
        var message = line.Message.ReplaceLineEndings(" ");
        text.Append(CultureInfo.InvariantCulture, $"{line.At.TotalMilliseconds,7:N0} ms  {line.Level,-11} {line.Category}: {(message.Length > 110 ? message[..110] + "…" : message)}\n");
    }

    return text.Append("```\n").ToString();
}
