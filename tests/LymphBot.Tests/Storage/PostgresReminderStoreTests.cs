using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using LymphBot.Testing.Scheduling;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

public sealed class PostgresReminderStoreTests : ReminderStoreContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override async Task<(IReminderStore Reminders, IOccurrenceStore Occurrences, IDeliveryHistory History)> CreateStoresAsync()
    {
        var database = await _databases.PostgresAsync();
        var deliveries = new SqlDeliveryStore(database);
        return (new SqlReminderStore(database), deliveries, deliveries);
    }
}
