using System.Diagnostics;
using LymphBot.Reminders.Bench;

// Usage: dotnet run -c Release --project bench/LymphBot.Reminders.Bench -- [all|create|burst|paced|start] [--data-dir=PATH] [--Key=Value ...]
// SQLite always; PostgreSQL as well when LYMPHBOT_TEST_POSTGRES holds a connection string for a role that may
// create databases (each scenario gets a scratch database, dropped afterwards). --data-dir puts the SQLite file
// elsewhere than the temp folder (e.g. /dev/shm, to see what fsync costs); --Key=Value goes to the host's
// configuration (e.g. --Reminders:SendConcurrency=1).
var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
if (mode is not ("all" or "create" or "burst" or "paced" or "start"))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/LymphBot.Reminders.Bench -- [all|create|burst|paced|start] [--data-dir=PATH] [--Key=Value ...]");
    return 2;
}

var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();
var dataDir = options.FirstOrDefault(a => a.StartsWith("--data-dir=", StringComparison.Ordinal))?["--data-dir=".Length..];
string[] hostArguments = [.. options.Where(a => !a.StartsWith("--data-dir=", StringComparison.Ordinal))];
var command = string.Join(' ', ["dotnet run -c Release --project bench/LymphBot.Reminders.Bench --", mode, .. options]);
var postgres = Environment.GetEnvironmentVariable("LYMPHBOT_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;
var started = TimeProvider.System.GetUtcNow();
var total = Stopwatch.StartNew();
var results = new Results();
Console.WriteLine($"{Results.Machine}; {command}; PostgreSQL: {(postgres is null ? "off (LYMPHBOT_TEST_POSTGRES not set)" : "on")}");

List<Func<Task<BenchStore>>> stores = [() => Task.FromResult(BenchStore.Sqlite(dataDir))];
if (postgres is not null)
{
    stores.Add(() => BenchStore.PostgresAsync(postgres));
}

// Creation first: the peak working set it reports is the process's peak so far.
if (mode is "all" or "create")
{
    foreach (var open in stores)
    {
        await using var store = await open();
        Console.WriteLine($"create 100,000 on {store.Label} ...");
        await CreateScenario.RunAsync(store, 100_000, hostArguments, results);
    }
}

if (mode is "all" or "burst")
{
    foreach (var open in stores)
    {
        await using var store = await open();
        Console.WriteLine($"burst 10,000 on {store.Label} ...");
        await DeliveryScenario.RunAsync(store, 10_000, cap: null, hostArguments, results);
    }
}

if (mode is "all" or "paced")
{
    // 2,400 at 30/s is 80 s of sending; on SQLite only unless asked, PostgreSQL adds nothing the cap does not decide.
    foreach (var open in stores)
    {
        await using var store = await open();
        Console.WriteLine($"paced 2,400 at 30/s on {store.Label} (about 80 s) ...");
        await DeliveryScenario.RunAsync(store, 2_400, cap: 30, hostArguments, results);
    }
}

if (mode is "all" or "start")
{
    foreach (var open in stores)
    {
        await using var store = await open();
        Console.WriteLine($"start with 10,000 on {store.Label} ...");
        await StartScenario.RunAsync(store, 10_000, hostArguments, results);
    }
}

Console.WriteLine();
Console.WriteLine(results.Table());
var path = Path.Combine(ProjectFolder(), "RESULTS.md");
// Hand-written analysis below the marker survives a re-run; the measured part above it is replaced.
const string marker = "<!-- analysis: kept across runs -->";
var kept = File.Exists(path) && (await File.ReadAllTextAsync(path)) is var previous && previous.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0
    ? previous[at..]
    : marker + "\n";
await File.WriteAllTextAsync(path, results.Markdown(command, started, total.Elapsed) + "\n" + kept);
Console.WriteLine($"written to {path} ({total.Elapsed.TotalSeconds:N0} s in all)");
return 0;

static string ProjectFolder()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "LymphBot.Reminders.Bench.csproj")))
        {
            return folder.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
