using LymphBot.Storage;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

public sealed class SqliteOpenGapsTests : OpenGapsContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override Task<Database> CreateDatabaseAsync() => _databases.SqliteAsync();
}
