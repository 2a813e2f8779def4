using System.Diagnostics;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using Microsoft.Data.Sqlite;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// A burst of reminders on the real clock: <see cref="Subscriptions"/> console subscriptions due at the upcoming
/// minute in a fresh SQLite file, and a host frozen in the middle of sending them, for tests that stop it there.
/// </summary>
public sealed class ReminderBurst : IDisposable
{
    /// <summary>More reminders than the stdout pipe holds (64 KiB; each print is over 100 bytes), so the burst cannot finish unread.</summary>
    public const int Subscriptions = 1000;

    /// <summary>How far ahead the burst's minute is at least, for the host to start before it.</summary>
    private static readonly TimeSpan StartLead = TimeSpan.FromSeconds(25);

    private readonly TempDirectory _data;
    private readonly DateTimeOffset _minute;

    private ReminderBurst(TempDirectory data, ReminderDatabase database, DateTimeOffset minute, string connectionString)
    {
        _data = data;
        Database = database;
        _minute = minute;
        Slot = UpcomingMinute.Format(minute);
        ConnectionSetting = $"--ConnectionStrings:LymphBot={connectionString}";
    }

    public ReminderDatabase Database { get; }

    /// <summary>The subscriptions' time, HH:mm UTC.</summary>
    public string Slot { get; }

    public string DataPath => _data.Path;

    /// <summary>The host setting that points it at this burst's database.</summary>
    public string ConnectionSetting { get; }

    public static async Task<ReminderBurst> CreateAsync(string memberPrefix)
    {
        var data = new TempDirectory();
        var connectionString = $"Data Source={data.Combine("lymphbot.db")}";
        var database = await ReminderDatabase.MigrateAsync(StorageProvider.Sqlite, connectionString);
        // The host must start before the minute, and in a fresh clone's first `dotnet test` four test assemblies build
        // and run at once on two cores: a start has taken over 10 s there, so the lead leaves room for that.
        var minute = UpcomingMinute.After(StartLead);
        await database.AddConsoleSubscriptionsAsync(UpcomingMinute.Format(minute), "UTC", Subscriptions, memberPrefix, TimeProvider.System.GetUtcNow());
        SqliteConnection.ClearAllPools();
        return new ReminderBurst(data, database, minute, connectionString);
    }

    /// <summary>One of the burst's reminders as the console adapter prints it.</summary>
    public bool IsReminder(string line) => line.Contains($"Your daily routine ({Slot})", StringComparison.Ordinal);

    /// <summary>The occurrences by state; pooled connections are closed afterwards so the host alone holds the file.</summary>
    public async Task<OccurrenceCounts> CountAsync()
    {
        var counts = await Database.CountOccurrencesAsync(Slot);
        SqliteConnection.ClearAllPools();
        return counts;
    }

    /// <summary>
    /// Starts the host and freezes its burst midway, with sends in flight, whatever the machine's speed: output is
    /// paused once the host has started, and this returns when every occurrence is written and sending has stalled.
    /// </summary>
    public async Task<LymphBotInstance> StartStalledAsync(string name, IEnumerable<string> settings)
    {
        var instance = LymphBotInstance.Start(name, DataPath, [ConnectionSetting, .. settings]);
        try
        {
            await instance.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));
            Assert.True(UpcomingMinute.Until(_minute) > TimeSpan.Zero, $"the host took until after {Slot} UTC to start");
            instance.PauseOutput();
            var clock = Stopwatch.StartNew();
            var (lastSent, stableSince) = (-1, clock.Elapsed);
            await instance.WaitUntilAsync(
                async () =>
                {
                    var counts = await Database.CountOccurrencesAsync(Slot);
                    if (counts["Sent"] != lastSent)
                    {
                        (lastSent, stableSince) = (counts["Sent"], clock.Elapsed);
                    }

                    return counts.Rows == Subscriptions && lastSent > 0 && clock.Elapsed - stableSince > TimeSpan.FromSeconds(1);
                },
                UpcomingMinute.Until(_minute) + TimeSpan.FromSeconds(60),
                "write every occurrence and stall on its full stdout");
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _data.Dispose();
}
