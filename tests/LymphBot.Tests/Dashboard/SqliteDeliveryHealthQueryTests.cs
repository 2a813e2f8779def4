using LymphBot.Storage;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Dashboard;

public sealed class SqliteDeliveryHealthQueryTests : DeliveryHealthQueryContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override Task<Database> CreateDatabaseAsync() => _databases.SqliteAsync();
}
