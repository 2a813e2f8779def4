using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using LymphBot.Testing.Scheduling;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

public sealed class SqliteOutcomeStoreTests : OutcomeStoreContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override async Task<(IReminderStore Reminders, IOccurrenceStore Occurrences, IOutcomeStore Outcomes)> CreateStoresAsync()
    {
        var database = await _databases.SqliteAsync();
        return (new SqlReminderStore(database), new SqlDeliveryStore(database), new SqlOutcomeStore(database));
    }
}
