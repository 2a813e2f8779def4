using System.Diagnostics;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using Microsoft.Data.Sqlite;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// A burst of reminders on the real clock: <see cref="Subscriptions"/> console subscriptions due at the upcoming
/// minute in a fresh SQLite file (with a <see cref="ScheduleMix"/> among them when asked), and a host frozen in the
/// middle of sending them, for tests that stop it there.
/// </summary>
public sealed class ReminderBurst : IDisposable
{
    /// <summary>More reminders than the stdout pipe holds (64 KiB; each print is over 100 bytes), so the burst cannot finish unread.</summary>
    public const int Subscriptions = 1000;

    /// <summary>
    /// Where a mix goes in the burst's order (its occurrences are sent in the order written): where the full stdout
    /// stalls the host, 180 to 260 prints in, so a kill soon after lands among the mix's sends or near them.
    /// </summary>
    private const int MixAfter = 180;

    /// <summary>How far ahead the burst's minute is at least, for the host to start before it.</summary>
    private static readonly TimeSpan StartLead = TimeSpan.FromSeconds(25);

    private readonly TempDirectory _data;
    private readonly DateTimeOffset _minute;

    private ReminderBurst(TempDirectory data, ReminderDatabase database, DateTimeOffset minute, string connectionString, ScheduleMix? mix)
    {
        _data = data;
        Database = database;
        Mix = mix;
        Occurrences = Subscriptions + (mix?.OccurrencesAt(TimeOnly.FromDateTime(minute.UtcDateTime)) ?? 0);
        _minute = minute;
        Slot = UpcomingMinute.Format(minute);
        ConnectionSetting = $"--ConnectionStrings:LymphBot={connectionString}";
    }

    public ReminderDatabase Database { get; }

    /// <summary>The mix of schedule kinds in the burst's minute, if it has one.</summary>
    public ScheduleMix? Mix { get; }

    /// <summary>The occurrences the burst's slot writes: one per subscription, and the mix's whose day it is.</summary>
    public int Occurrences { get; }

    /// <summary>The subscriptions' time, HH:mm UTC.</summary>
    public string Slot { get; }

    public string DataPath => _data.Path;

    /// <summary>The host setting that points it at this burst's database.</summary>
    public string ConnectionSetting { get; }

    /// <summary><paramref name="mixed"/>: a <see cref="ScheduleMix"/> (with follow-ups) early in the burst, where a kill can land among its sends (see <see cref="MixAfter"/>).</summary>
    public static async Task<ReminderBurst> CreateAsync(string memberPrefix, bool mixed = false)
    {
        var data = new TempDirectory();
        var connectionString = $"Data Source={data.Combine("lymphbot.db")}";
        var database = await ReminderDatabase.MigrateAsync(StorageProvider.Sqlite, connectionString);
        // The host must start before the minute, and in a fresh clone's first `dotnet test` four test assemblies build
        // and run at once on two cores: a start has taken over 10 s there, so the lead leaves room for that.
        var minute = UpcomingMinute.After(StartLead);
        var slot = UpcomingMinute.Format(minute);
        var before = mixed ? MixAfter : Subscriptions;
        await database.AddConsoleSubscriptionsAsync(slot, "UTC", before, memberPrefix, TimeProvider.System.GetUtcNow());
        var mix = mixed ? await ScheduleMix.AddAsync(database, minute, memberPrefix + " mixed", (minute.AddHours(12), false), withFollowUps: true) : null;
        if (mixed)
        {
            await database.AddConsoleSubscriptionsAsync(slot, "UTC", Subscriptions - before, memberPrefix + "-later", TimeProvider.System.GetUtcNow());
        }

        SqliteConnection.ClearAllPools();
        return new ReminderBurst(data, database, minute, connectionString, mix);
    }

    /// <summary>One of the burst's occurrences as the console adapter prints it (its first line; a labelled one's names its label; the mix's recap its week).</summary>
    public bool IsReminder(string line) =>
        (line.StartsWith("🌿 ", StringComparison.Ordinal) && line.EndsWith($" ({Slot})", StringComparison.Ordinal))
        || (Mix?.IsHeadingAt(TimeOnly.FromDateTime(_minute.UtcDateTime), line) ?? false);

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
    /// <remarks><paramref name="beforeBurst"/> runs once the host has started, with its output still read: for what the test does first.</remarks>
    public async Task<LymphBotInstance> StartStalledAsync(string name, IEnumerable<string> settings, Func<LymphBotInstance, Task>? beforeBurst = null)
    {
        var instance = LymphBotInstance.Start(name, DataPath, [ConnectionSetting, .. settings]);
        try
        {
            await instance.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));
            if (beforeBurst is not null)
            {
                await beforeBurst(instance);
            }

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

                    return counts.Rows == Occurrences && lastSent > 0 && clock.Elapsed - stableSince > TimeSpan.FromSeconds(1);
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
