using LymphBot.Storage;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

/// <summary>Runs against the server in <c>LYMPHBOT_TEST_POSTGRES</c>; skipped without one, failed without one under CI.</summary>
public sealed class PostgresChatUserStoreTests : ChatUserStoreContract, IAsyncDisposable
{
    private readonly List<PostgresDatabase> _databases = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    protected override async Task<Database> CreateDatabaseAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        _databases.Add(database);
        return DatabaseFor(StorageProvider.Postgres, database.ConnectionString);
    }
}
