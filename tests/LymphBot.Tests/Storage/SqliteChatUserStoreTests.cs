using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace LymphBot.Tests.Storage;

public sealed class SqliteChatUserStoreTests : ChatUserStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Migrate_CreatesMissingFolder_AndTurnsOnWal()
    {
        var path = _folder.Combine("nested", "data", "lymphbot.db");
        var database = DatabaseFor(StorageProvider.Sqlite, $"Data Source={path}");

        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected override Task<Database> CreateDatabaseAsync() =>
        Task.FromResult(DatabaseFor(StorageProvider.Sqlite, $"Data Source={_folder.Combine(Guid.NewGuid().ToString("N") + ".db")}"));
}
