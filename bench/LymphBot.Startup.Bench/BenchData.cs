using System.Diagnostics;
using System.Globalization;
using LymphBot.Core.Scheduling;
using LymphBot.Knowledge.Bench;
using LymphBot.Storage;
using LymphBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace LymphBot.Startup.Bench;

/// <summary>
/// What the host starts on: a knowledge folder (the synthetic base, or the shipped one) and a SQLite database
/// migrated by the app's own migrations and seeded with subscriptions spread over many (zone, time) slots.
/// </summary>
internal sealed class BenchData(string folder, string knowledgePath, string? syntheticKnowledge, int subscriptions, int slots) : IDisposable
{
    /// <summary>50 zones on every continent, whole-hour and odd offsets, with and without daylight saving.</summary>
    private static readonly string[] Zones =
    [
        "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Berlin", "Europe/Paris", "Europe/Madrid",
        "Europe/Rome", "Europe/Warsaw", "Europe/Stockholm", "Europe/Helsinki", "Europe/Athens", "Europe/Istanbul",
        "Europe/Kyiv", "Europe/Moscow", "Africa/Cairo", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg",
        "Africa/Casablanca", "Asia/Dubai", "Asia/Tehran", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu",
        "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Singapore", "Asia/Shanghai", "Asia/Manila", "Asia/Seoul",
        "Asia/Tokyo", "Australia/Perth", "Australia/Adelaide", "Australia/Sydney", "Pacific/Auckland",
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Phoenix",
        "America/Chicago", "America/Mexico_City", "America/New_York", "America/Toronto", "America/Bogota",
        "America/Santiago", "America/Sao_Paulo", "America/St_Johns",
    ];

    public string KnowledgePath => knowledgePath;

    public int Subscriptions => subscriptions;

    public int Slots => slots;

    public string DatabasePath => Path.Combine(folder, "lymphbot.db");

    /// <summary>The host's working directory and home of its database.</summary>
    public string Folder => folder;

    public string[] Configuration => [$"--Knowledge:Path={KnowledgePath}", $"--ConnectionStrings:LymphBot=Data Source={DatabasePath}"];

    /// <summary>
    /// <paramref name="knowledgeEntries"/> synthetic entries (0: the shipped <c>knowledge/</c>) and
    /// <paramref name="subscriptions"/> subscriptions over <paramref name="slots"/> slots (50 zones x slots/50
    /// quarter hours, the same number in each). Every slot lies 2 to 12 hours ahead in its zone, so none fires while
    /// the bench runs and every start does the same work. No subscriptions: the database is not created at all, so the
    /// host's first start runs the migrations itself.
    /// </summary>
    public static async Task<BenchData> CreateAsync(string label, int knowledgeEntries, int subscriptions, int slots, string repositoryRoot)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lymphbot-startup-bench-{label}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(folder);
        var synthetic = knowledgeEntries > 0 ? SyntheticKnowledge.Write(knowledgeEntries) : null;
        var data = new BenchData(folder, synthetic ?? Path.Combine(repositoryRoot, "knowledge"), synthetic, subscriptions, subscriptions > 0 ? slots : 0);
        if (subscriptions > 0)
        {
            await data.SeedAsync(TimeProvider.System.GetUtcNow());
        }

        return data;
    }

    public long DatabaseBytes() =>
        Directory.EnumerateFiles(folder, "lymphbot.db*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in (string?[])[folder, syntheticKnowledge])
        {
            try
            {
                if (path is not null)
                {
                    Directory.Delete(path, recursive: true);
                }
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private async Task SeedAsync(DateTimeOffset now)
    {
        if (Slots % Zones.Length != 0 || Subscriptions % Slots != 0)
        {
            throw new ArgumentException($"slots must be a multiple of {Zones.Length} and subscriptions a multiple of slots");
        }

        var watch = Stopwatch.StartNew();
        var database = await ReminderDatabase.MigrateAsync(StorageProvider.Sqlite, $"Data Source={DatabasePath}");
        var perZone = Slots / Zones.Length;
        foreach (var zone in Zones)
        {
            // First quarter hour at least 2 h ahead in this zone; the slots follow it every 15 minutes.
            var local = TimeZoneInfo.ConvertTime(now, TimeZones.Find(zone)).AddHours(2);
            var first = new TimeOnly(local.Hour, local.Minute / 15 * 15).AddMinutes(15);
            for (var s = 0; s < perZone; s++)
            {
                var time = ReminderTime.Format(first.AddMinutes(15 * (s % 40)).AddMinutes(s / 40));
                await database.AddConsoleSubscriptionsAsync(time, zone, Subscriptions / Slots, $"{zone}-{time}", now);
            }
        }

        SqliteConnection.ClearAllPools();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {Subscriptions:N0} subscriptions over {Slots:N0} slots in {watch.Elapsed.TotalSeconds:0.0} s"));
    }
}
