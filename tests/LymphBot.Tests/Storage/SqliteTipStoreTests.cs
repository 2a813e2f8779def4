using LymphBot.Core.Tips;
using LymphBot.Storage;
using LymphBot.Testing.Tips;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

public sealed class SqliteTipStoreTests : TipStoreContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override async Task<ITipStore> CreateStoreAsync() => new SqlTipStore(await _databases.SqliteAsync());
}
