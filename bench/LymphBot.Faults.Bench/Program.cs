using System.Diagnostics;
using System.Globalization;
using LymphBot.Faults.Bench;
using LymphBot.Storage;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;

// Usage: dotnet run -c Release --project bench/LymphBot.Faults.Bench -- [members] [--seed=14] [--host=PATH/LymphBot.dll] [--Key=Value ...]
// The fault run of issue 14, from outside: the host built beside this tool (or the one --host names, e.g. a publish
// output) runs as a child process against the stand-in Bot API server on 127.0.0.1, with [members] (300) daily
// reminders due at the next minute at least 20 s away. The stand-in answers by FaultPlan; the tool stops it for a
// connection-refused outage, kills the bot (SIGKILL) once half the chats have their reminder, starts it again and
// waits until every occurrence is recorded. --Key=Value goes to the host's configuration on both starts.
var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();
string? Option(string name) => options.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];
int Number(string? text, int fallback) => text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
var members = Number(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), 300);
var seed = Number(Option("seed"), 14);
var host = Option("host") is { } h ? Path.GetFullPath(h) : RepositoryPaths.HostAssembly;
string[] hostSettings = [.. options.Where(a => !a.StartsWith("--seed=", StringComparison.Ordinal) && !a.StartsWith("--host=", StringComparison.Ordinal))];
var cap = Number(Option("Telegram:MessagesPerSecond"), 30);
var inFlight = Number(Option("Reminders:SendConcurrency"), 32);
if (members < 2 || !File.Exists(host))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/LymphBot.Faults.Bench -- [members] [--seed=14] [--host=PATH/LymphBot.dll] [--Key=Value ...] (host: {host})");
    return 2;
}

var command = string.Join(' ', ["dotnet run -c Release --project bench/LymphBot.Faults.Bench --", .. args]);
var started = TimeProvider.System.GetUtcNow();
var total = Stopwatch.StartNew();
Console.WriteLine($"{FaultReport.Machine}\nhost: {host}\n{command}");

var plan = new FaultPlan(seed);
await using var telegram = await TelegramStandIn.StartAsync();
telegram.FaultScript = plan.Answer;
using var data = new TempDirectory();
var connectionString = $"Data Source={data.Combine("lymphbot.db")}";
var database = await ReminderDatabase.MigrateAsync(StorageProvider.Sqlite, connectionString);
var minute = UpcomingMinute.After(TimeSpan.FromSeconds(20));
var slot = UpcomingMinute.Format(minute);
var chats = Enumerable.Range(1, members).Select(i => (500_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
await database.AddSubscriptionsAsync("telegram", chats.Select(c => (c, c)), slot, "UTC", started);
SqliteConnection.ClearAllPools();

string[] settings = [$"--ConnectionStrings:LymphBot={connectionString}", $"--Telegram:ApiBaseUrl={telegram.BaseUrl}", .. hostSettings];
var environment = new Dictionary<string, string> { ["Telegram__Token"] = TelegramStandIn.Token };
int PostedChats() => telegram.Calls("sendMessage").Where(s => s.Posted).Select(s => s.ChatId).Distinct().Count();

Console.WriteLine($"{members} reminders due at {slot} UTC ({UpcomingMinute.Until(minute).TotalSeconds:0} s); first run ...");
long killedAt;
await using (var first = LymphBotInstance.Start("first run", data.Path, settings, environment, host))
{
    await first.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));
    await plan.BurstStarted.WaitAsync(UpcomingMinute.Until(minute) + TimeSpan.FromSeconds(60));
    if (FaultPlan.RefusedFrom - plan.SinceBurst is { } wait && wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }

    Console.WriteLine($"  {plan.SinceBurst.TotalSeconds:0.0} s into the burst: {PostedChats()} chats reached; outage (connection refused) for {FaultPlan.RefusedFor.TotalSeconds:0} s");
    await telegram.StopAsync();
    await Task.Delay(FaultPlan.RefusedFor);
    await telegram.RestartAsync();
    await telegram.WaitUntilAsync(_ => PostedChats() >= members / 2, TimeSpan.FromSeconds(120));
    await first.KillAsync();

    // After the process is gone: the stand-in may still take a few calls while the kill walks the process tree.
    killedAt = Stopwatch.GetTimestamp();
    Console.WriteLine($"  {plan.SinceBurst.TotalSeconds:0.0} s into the burst: killed (SIGKILL) with {PostedChats()} chats reached");
}

var atKill = await OutboxRow.ReadAsync(database, slot);
SqliteConnection.ClearAllPools();
plan.SecondRunStarts();
await using (var second = LymphBotInstance.Start("second run", data.Path, settings, environment, host))
{
    await second.WaitUntilAsync(
        async () =>
        {
            await Task.Delay(250);
            var rows = await OutboxRow.ReadAsync(database, slot);
            return rows.Count == members && rows.All(r => r.State is not ("Pending" or "Sending"));
        },
        TimeSpan.FromSeconds(240),
        "record every occurrence");
    Console.WriteLine($"  {plan.SinceBurst.TotalSeconds:0.0} s into the burst: every occurrence recorded; stopping");
    await second.StopAsync();
}

var record = new BurstRecord(telegram.Calls("sendMessage"), killedAt);
var outbox = await OutboxRow.ReadAsync(database, slot);
SqliteConnection.ClearAllPools();
var report = Analysis.Report(record, outbox, atKill, chats, killedAt, cap, inFlight, minute);
Console.WriteLine();
Console.WriteLine(report.Table());
Console.Write(report.Notes());
await report.WriteAsync(Path.Combine(RepositoryPaths.Root, "bench", "LymphBot.Faults.Bench", "RESULTS.md"), command, started, total.Elapsed);
return 0;
