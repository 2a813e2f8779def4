using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Dashboard;
using LymphBot.Dashboard;
using LymphBot.Dashboard.Bench;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project bench/LymphBot.Dashboard.Bench -- [--requests=50] [--deliveries=100000] [--gaps=10000] [--subscriptions=10000] [--write-between] [--keep]
// Starts the real host in this process (SQLite in a temp folder, Kestrel on a free loopback port), seeds the data,
// signs an operator and a moderator in, then requests each page: warm-up first, then --requests timed GETs each,
// measured at the client from request sent to the last byte read. Writes RESULTS.md beside the project.
// --write-between: before each timed GET (outside its time) one knowledge gap and one delivery due in the last hour are
// rewritten through another connection, so no page can be served from figures kept while nothing changed: the cost of
// a first view after a write.
int Option(string name, int fallback) =>
    args.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal)) is { } o ? int.Parse(o[(name.Length + 3)..], CultureInfo.InvariantCulture) : fallback;

var requests = Option("requests", 50);
var deliveries = Option("deliveries", 100_000);
var gaps = Option("gaps", 10_000);
var subscriptions = Option("subscriptions", 10_000);
var writeBetween = args.Contains("--write-between");
var command = string.Join(' ', ["dotnet run -c Release --project bench/LymphBot.Dashboard.Bench --", .. args]);
var machine = $"{Environment.ProcessorCount} cores (nproc), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}";
Console.WriteLine($"{machine}; {command}");

var folder = Directory.CreateTempSubdirectory("lymphbot-dashboard-bench-");
try
{
    var database = Path.Combine(folder.FullName, "lymphbot.db");
    var builder = LymphBot.Program.CreateBuilder(
    [
        $"--ConnectionStrings:LymphBot=Data Source={database}",
        "--Console:Enabled=false",
        "--Http:Urls=http://127.0.0.1:0",
        "--Dashboard:Operators:0=bench:operator",
    ]);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    await using var app = LymphBot.Program.Build(builder);
    await app.StartAsync();

    var seeding = Stopwatch.StartNew();
    await BenchData.SeedAsync(database, TimeProvider.System.GetUtcNow(), deliveries, gaps, subscriptions);
    Console.WriteLine($"seeded {deliveries:N0} deliveries, {gaps:N0} gaps, {subscriptions:N0} subscriptions in {seeding.Elapsed.TotalSeconds:0.0} s");

    var signIn = app.Services.GetRequiredService<DashboardSignIn>();
    async Task<HttpClient> ClientAsync(DashboardScope scope, string user)
    {
        var link = await signIn.IssueLinkAsync(new ChatUser("bench", user, user), scope, CancellationToken.None);
        var token = link.Query["?token=".Length..];
        var (session, _) = (await signIn.RedeemAsync(token, CancellationToken.None))!.Value;
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Add("Cookie", $"{DashboardHosting.SessionCookie}={session}");
        return client;
    }

    using var operatorClient = await ClientAsync(DashboardScope.Operator, "operator");
    using var moderatorClient = await ClientAsync(DashboardScope.Moderator([new ChatAddress("telegram", "chat-0"), new ChatAddress("telegram", "chat-2")], privateChats: true), "moderator");

    // Each page of the dashboard, as the people who use it open it. Add a page here when it lands.
    (string Page, string Who, HttpClient Client, string Path)[] pages =
    [
        ("Overview, every chat", "operator", operatorClient, "/dashboard"),
        ("Overview, one chat", "operator", operatorClient, "/dashboard?chat=telegram:chat-4"),
        ("Overview, own 2 chats", "moderator", moderatorClient, "/dashboard"),
        ("Delivery health", "operator", operatorClient, DeliveryHealthPage.Path),
        ("Knowledge gaps, every chat", "operator", operatorClient, "/dashboard/gaps"),
        ("Knowledge gaps, own 2 chats", "moderator", moderatorClient, "/dashboard/gaps"),
        ("Tips, one chat", "operator", operatorClient, "/dashboard/tips?chat=telegram:chat-4"),
        ("Audit log, every chat", "operator", operatorClient, "/dashboard/audit"),
    ];

    var rows = new List<string>();
    foreach (var (page, who, client, path) in pages)
    {
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            if (writeBetween)
            {
                await using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
                await writer.OpenAsync();
                await using var touch = writer.CreateCommand();
                // One knowledge gap and one delivery due in the last hour, as the question path and the outbox write them.
                touch.CommandText =
                    "UPDATE question_gaps_per_chat SET asked_count = asked_count WHERE rowid = (SELECT MIN(rowid) FROM question_gaps_per_chat); " +
                    "UPDATE reminder_deliveries SET retries = retries WHERE id = (SELECT MIN(id) FROM reminder_deliveries WHERE due_at >= $hourAgo)";
                touch.Parameters.AddWithValue("$hourAgo", TimeProvider.System.GetUtcNow().AddHours(-1).ToUnixTimeMilliseconds());
                await touch.ExecuteNonQueryAsync();
            }

            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
        }

        times.Sort();
        double At(double p) => times[Math.Clamp((int)Math.Ceiling(p * times.Count) - 1, 0, times.Count - 1)];
        var row = string.Create(CultureInfo.InvariantCulture, $"| {page} | {who} | {At(0.5):0.0} | {At(0.95):0.0} | {times[^1]:0.0} | {bytes / 1024.0:0.0} | {(At(0.95) < 100 ? "yes" : "NO")} |");
        Console.WriteLine(row);
        rows.Add(row);
    }

    await app.StopAsync();
    var results = new StringBuilder("# Dashboard render bench\n\n");
    results.Append(CultureInfo.InvariantCulture, $"- Run: {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC\n- Machine: {machine}\n- Command: `{command}`\n");
    results.Append(CultureInfo.InvariantCulture, $"- Data (SQLite): {deliveries:N0} reminder deliveries over 30 days (2 platforms, {BenchData.Chats} chats), {gaps:N0} unanswered questions, {subscriptions:N0} subscriptions in 40 zones, 30 days of per-chat question and member counts\n");
    results.Append(CultureInfo.InvariantCulture, $"- Each page: 5 warm-up requests, then {requests} timed GETs one after another, client-side from request to last byte, real Kestrel on loopback{(writeBetween ? "; before each, a knowledge gap and a delivery due in the last hour rewritten, so every view reads what changed" : string.Empty)}\n\n");
    results.Append("| Page | Who | p50 ms | p95 ms | max ms | KiB | p95 < 100 ms |\n|---|---|---|---|---|---|---|\n");
    foreach (var row in rows)
    {
        results.Append(row).Append('\n');
    }

    var resultsPath = Path.Combine(AppContext.BaseDirectory, "../../../RESULTS.md");
    await File.WriteAllTextAsync(resultsPath, results.ToString());
    Console.WriteLine($"written {Path.GetFullPath(resultsPath)}");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (args.Contains("--keep"))
    {
        Console.WriteLine($"kept {folder.FullName}");
    }
    else
    {
        folder.Delete(recursive: true);
    }
}
