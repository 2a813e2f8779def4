using Dapper;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.Storage;

/// <summary>
/// Migration 1611 on a database made by the release before it (schema at 1601, with a daily occurrence and its one
/// snooze): the rows keep their meaning (sequence 0), and a second and third snooze of the same day fit.
/// </summary>
public sealed class AdherenceMigrationTests
{
    private const long Before = 2026_12_06_1601;

    [Fact]
    public async Task Sqlite_UpgradesADatabaseOfTheLastRelease()
    {
        using var folder = new TempDirectory();
        await UpgradeAsync(StorageProvider.Sqlite, $"Data Source={folder.Combine("old.db")};Pooling=false");
        SqliteConnection.ClearAllPools();
    }

    [SkippableFact]
    public async Task Postgres_UpgradesADatabaseOfTheLastRelease()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await UpgradeAsync(StorageProvider.Postgres, database.ConnectionString);
    }

    private static async Task UpgradeAsync(StorageProvider provider, string connectionString)
    {
        var database = new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));
        OldRelease.Migrate(provider, connectionString, Before);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text) VALUES " +
                "(1, 'telegram', '5', '2026-12-01', 'Daily', 1, 'Sent', 1, 'x'), (1, 'telegram', '5', '2026-12-01', 'Snooze', 2, 'Pending', 0, 'x')");
        }

        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);

        await using var upgraded = await database.OpenAsync(CancellationToken.None);
        Assert.Equal([0L, 0L], await upgraded.QueryAsync<long>("SELECT sequence FROM reminder_deliveries ORDER BY id"));
        var store = new SqlDeliveryStore(database);
        var old = await store.FindAsync(2, CancellationToken.None);
        Assert.Equal(2, await store.EnqueueManyAsync([old! with { Sequence = 1 }, old with { Sequence = 2 }, old with { Sequence = 0 }], CancellationToken.None));
        Assert.Equal(0L, await upgraded.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reminder_outcomes"));
    }
}
