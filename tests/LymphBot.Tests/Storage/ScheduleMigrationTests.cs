using System.Globalization;
using Dapper;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Storage;

/// <summary>
/// A database made by the release before schedules had words (migration 1601): schema up to 1501 plus 1701, which that
/// release already had, with its daily reminders and a day of sent history. The current bot upgrades it at start (1601,
/// 1611, 1612, 1620 fill in below 1701, the later ones after it) and the old reminders keep firing as they did: every
/// day at their time, once, on real Quartz with a fake clock, on SQLite and on PostgreSQL.
/// </summary>
public sealed class ScheduleMigrationTests
{
    private const long Release = 2026_12_06_1501;
    private const long ReleaseDashboard = 2026_12_07_1701;
    private const long Schedules = 2026_12_06_1601;

    [Fact]
    public async Task Sqlite_OldDailyReminders_KeepFiringAfterTheUpgrade()
    {
        using var data = new TempDirectory();
        await MakeReleaseDatabaseAsync(StorageProvider.Sqlite, $"Data Source={data.Combine("lymphbot.db")};Pooling=false");
        SqliteConnection.ClearAllPools();
        await FireAfterUpgradeAsync(data, []);
    }

    [SkippableFact]
    public async Task Postgres_OldDailyReminders_KeepFiringAfterTheUpgrade()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await MakeReleaseDatabaseAsync(StorageProvider.Postgres, database.ConnectionString);
        using var data = new TempDirectory();
        await FireAfterUpgradeAsync(data, ["--Storage:Provider=Postgres", $"--ConnectionStrings:LymphBot={database.ConnectionString}"]);
    }

    /// <summary>The release's schema, with what its <c>/remind 8:00</c> stored: two members' daily reminders, one sent yesterday.</summary>
    private static async Task MakeReleaseDatabaseAsync(StorageProvider provider, string connectionString)
    {
        OldRelease.Migrate(provider, connectionString, Release, ReleaseDashboard);
        var database = new ReminderDatabase(new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString })));
        await database.AddSubscriptionsAsync(RecordingPlatform.PlatformName, [("ada", "chat-ada")], "08:00", "UTC", Utc("2026-12-01T10:00:00Z"));
        await database.AddSubscriptionsAsync(RecordingPlatform.PlatformName, [("bob", "chat-bob")], "08:00", "Europe/Berlin", Utc("2026-12-01T10:00:00Z"));
        await using var connection = await database.Database.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM \"VersionInfo\" WHERE \"Version\" = @Version", new { Version = ReleaseDashboard }));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM \"VersionInfo\" WHERE \"Version\" = @Version", new { Version = Schedules }));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteScalarAsync("SELECT label FROM reminder_subscriptions"));
        await connection.ExecuteAsync(
            "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text, completed_at) VALUES " +
            "(1, 'test', 'chat-ada', '2026-12-07', 'Daily', @Due, 'Sent', 1, 'Time for your routine', @Due)",
            new { Due = Utc("2026-12-07T08:00:00Z").ToUnixTimeMilliseconds() });
    }

    private static async Task FireAfterUpgradeAsync(TempDirectory data, string[] configuration)
    {
        var time = new FakeTimeProvider(Utc("2026-12-08T06:58:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time, configuration);

        // Read back as they were: every day at one time, no label, a routine of one.
        var ada = await host.Reminders.FindAsync(1, CancellationToken.None);
        var bob = await host.Reminders.FindAsync(2, CancellationToken.None);
        Assert.All([ada, bob], r => Assert.Equal((ReminderState.Active, true, (string?)null, (long?)null), (r!.State, r.Schedule.IsPlainDaily, r.Label, r.RoutineId)));
        Assert.Equal([("Europe/Berlin", new TimeOnly(8, 0)), ("UTC", new TimeOnly(8, 0))], (await host.Reminders.ListSlotsAsync(CancellationToken.None)).Order());

        // 08:00 in Berlin (07:00 UTC), then 08:00 UTC; the next day again, once each.
        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromHours(2), TimeSpan.FromSeconds(30)));
        Assert.Equal(["chat-bob", "chat-ada"], host.Platform.All.Select(s => s.Address.ChatId));
        time.SetUtcNow(Utc("2026-12-09T06:58:00Z"));
        Assert.True(await host.AdvanceUntilSentAsync(4, TimeSpan.FromHours(2), TimeSpan.FromSeconds(30)));
        await host.AdvanceAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));

        Assert.Equal(["chat-bob", "chat-ada", "chat-bob", "chat-ada"], host.Platform.All.Select(s => s.Address.ChatId));
        Assert.True(await ReminderHost.WaitUntilAsync(async () =>
            (await host.Deliveries.LatestAsync(1, CancellationToken.None))?.State == DeliveryState.Sent && (await host.Deliveries.LatestAsync(2, CancellationToken.None))?.State == DeliveryState.Sent));
        await using var connection = await host.App.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        Assert.Equal(
            [("2026-12-07", "Sent"), ("2026-12-08", "Sent"), ("2026-12-09", "Sent")],
            await connection.QueryAsync<(string, string)>("SELECT local_date, state FROM reminder_deliveries WHERE subscription_id = 1 ORDER BY local_date"));
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
