using Dapper;
using LymphBot.Storage;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Dashboard;

public sealed class SqliteOverviewSeriesTests : OverviewSeriesContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override Task<Database> CreateDatabaseAsync() => _databases.SqliteAsync();

    /// <summary>SQLite uses an index on expressions only for the very same expressions: the query and migration 1730 must agree.</summary>
    [Fact]
    public async Task RemindersOfEveryChat_CountedFromTheFirstDueDayIndex_WithoutSorting()
    {
        var database = await _databases.SqliteAsync();
        await using var connection = await database.OpenAsync(CancellationToken.None);

        var plan = string.Join(" | ", (await connection.QueryAsync(
            "EXPLAIN QUERY PLAN " + SqlOverviewQuery.DeliveriesPerDay(SqlOverviewQuery.EveryChatWindow), new { FirstDay = 20_000L, To = 1_800_000_000_000L })).Select(r => (string)r.detail));

        Assert.Contains("ix_reminder_deliveries_first_day", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }
}
