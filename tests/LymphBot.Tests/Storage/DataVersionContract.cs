using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Storage;

namespace LymphBot.Tests.Storage;

/// <summary>The dashboard's cached figures are as fresh as <see cref="DataVersion"/>: it must move with every committed write.</summary>
public abstract class DataVersionContract
{
    private static readonly GapScope Scope = GapScope.Group(new ChatAddress("telegram", "group-1"));

    protected abstract Task<Database> CreateDatabaseAsync();

    [SkippableFact]
    public async Task Version_MovesWithEveryWriteOfAnotherConnection()
    {
        var database = await CreateDatabaseAsync();
        using var version = new DataVersion(database);
        var gaps = new SqlQuestionGapStore(database);
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        var before = await version.ReadAsync(CancellationToken.None);
        await gaps.RecordAsync("does swelling get worse when flying", Scope, at, CancellationToken.None);
        var afterInsert = await version.ReadAsync(CancellationToken.None);
        await gaps.RecordAsync("does swelling get worse when flying", Scope, at.AddMinutes(1), CancellationToken.None);
        var afterUpdate = await version.ReadAsync(CancellationToken.None);

        Assert.NotNull(before);
        Assert.NotEqual(before, afterInsert);
        Assert.NotEqual(afterInsert, afterUpdate);
    }
}
