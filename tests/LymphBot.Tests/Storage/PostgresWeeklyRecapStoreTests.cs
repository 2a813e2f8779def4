using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using LymphBot.Testing.Scheduling;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

public sealed class PostgresWeeklyRecapStoreTests : WeeklyRecapStoreContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override async Task<(IReminderStore Reminders, IWeeklyRecapStore Recaps)> CreateStoresAsync()
    {
        var database = await _databases.PostgresAsync();
        var reminders = new SqlReminderStore(database);
        return (reminders, new SqlWeeklyRecapStore(database, reminders));
    }
}
