using LymphBot.Storage;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

public sealed class SqliteDataVersionTests : DataVersionContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override Task<Database> CreateDatabaseAsync() => _databases.SqliteAsync();

    /// <summary>
    /// PostgreSQL's snapshot moves with writes anywhere on the server (other tests' too), so only here can a test show
    /// that reads leave the version alone, which is what lets a page be served from the cache.
    /// </summary>
    [Fact]
    public async Task Version_StaysWhileOnlyReadsHappen()
    {
        var database = await CreateDatabaseAsync();
        using var version = new DataVersion(database);
        var inbox = new SqlGapInbox(database);

        var first = await version.ReadAsync(CancellationToken.None);
        await inbox.OpenAsync(null, 10, CancellationToken.None);
        var second = await version.ReadAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, second);
    }
}
