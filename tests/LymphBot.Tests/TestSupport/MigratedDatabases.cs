using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.TestSupport;

/// <summary>Fresh, migrated databases for the store contracts: SQLite files in a temporary folder, PostgreSQL databases on the CI server.</summary>
public sealed class MigratedDatabases : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly List<PostgresDatabase> _postgres = [];

    public Task<Database> SqliteAsync() =>
        MigrateAsync(StorageProvider.Sqlite, $"Data Source={_folder.Combine(Guid.NewGuid().ToString("N") + ".db")}");

    /// <summary>Skips without <c>LYMPHBOT_TEST_POSTGRES</c>; fails without it under CI.</summary>
    public async Task<Database> PostgresAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        _postgres.Add(database);
        return await MigrateAsync(StorageProvider.Postgres, database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _postgres)
        {
            await database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static async Task<Database> MigrateAsync(StorageProvider provider, string connectionString)
    {
        var database = new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));
        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }
}
