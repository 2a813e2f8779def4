using LymphBot.Core.Tips;
using LymphBot.Testing.Tips;

namespace LymphBot.Core.Tests.Tips;

/// <summary>The fake keeps the contract the SQL store keeps (LymphBot.Tests runs the same on SQLite and PostgreSQL).</summary>
public sealed class InMemoryTipStoreTests : TipStoreContract
{
    protected override Task<ITipStore> CreateStoreAsync() => Task.FromResult<ITipStore>(new InMemoryTipStore());
}
