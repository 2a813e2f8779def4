using LymphBot.Core.Chat;
using LymphBot.Core.Users;
using LymphBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.Storage;

/// <summary>The same behaviour, proven on every database provider.</summary>
public abstract class ChatUserStoreContract
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 8, 0, 0, 123, TimeSpan.Zero);

    protected abstract Task<Database> CreateDatabaseAsync();

    [SkippableFact]
    public async Task Ensure_FirstContact_CreatesMemberOnce()
    {
        var store = new SqlChatUserStore(await MigratedAsync());
        var ada = new ChatUser("telegram", "111", "Ada");

        var first = await store.EnsureAsync(ada, Created, CancellationToken.None);
        var again = await store.EnsureAsync(ada, Created.AddDays(1), CancellationToken.None);

        Assert.Equal(new ChatUserSettings("telegram", "111", null, Created), first);
        Assert.Equal(first, again);
    }

    [SkippableFact]
    public async Task Save_TimeZone_IsReadBack_AndOtherMembersUntouched()
    {
        var store = new SqlChatUserStore(await MigratedAsync());
        var ada = new ChatUser("telegram", "111", "Ada");
        var bob = new ChatUser("discord", "111", "Bob");
        await store.EnsureAsync(ada, Created, CancellationToken.None);
        await store.EnsureAsync(bob, Created, CancellationToken.None);

        await store.SaveAsync(new ChatUserSettings("telegram", "111", "Europe/Berlin", Created), CancellationToken.None);

        Assert.Equal("Europe/Berlin", (await store.FindAsync(ada, CancellationToken.None))?.TimeZone);
        Assert.Null((await store.FindAsync(bob, CancellationToken.None))?.TimeZone);
        Assert.Null(await store.FindAsync(new ChatUser("telegram", "999", "Nobody"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Migrate_Twice_IsANoOp()
    {
        var database = await MigratedAsync();
        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);

        await new SqlChatUserStore(database).EnsureAsync(new ChatUser("console", "local", "me"), Created, CancellationToken.None);
    }

    [SkippableFact]
    public async Task Reachability_UnreachableThenReachable_IsPerChatNotPerThread()
    {
        var reachability = new SqlChatReachability(await MigratedAsync(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Created));
        var group = new ChatAddress("telegram", "-100123");

        await reachability.ReportUnreachableAsync(group with { ThreadId = "7" }, "Forbidden: bot was kicked", CancellationToken.None);

        Assert.Equal("Forbidden: bot was kicked", await reachability.FindUnreachableReasonAsync(group, CancellationToken.None));
        Assert.Null(await reachability.FindUnreachableReasonAsync(new ChatAddress("discord", "-100123"), CancellationToken.None));

        await reachability.ReportReachableAsync(group, CancellationToken.None);

        Assert.Null(await reachability.FindUnreachableReasonAsync(group, CancellationToken.None));
    }

    protected static Database DatabaseFor(StorageProvider provider, string connectionString) =>
        new(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));

    private async Task<Database> MigratedAsync()
    {
        var database = await CreateDatabaseAsync();
        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }
}
