using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Scheduling;

/// <summary>The fake keeps the contract the SQL store keeps (LymphBot.Tests runs the same on SQLite and PostgreSQL).</summary>
public sealed class InMemoryReminderStoreTests : ReminderStoreContract
{
    protected override Task<(IReminderStore Reminders, IOccurrenceStore Occurrences, IDeliveryHistory History)> CreateStoresAsync()
    {
        var reminders = new InMemoryReminderStore();
        return Task.FromResult<(IReminderStore, IOccurrenceStore, IDeliveryHistory)>((reminders, reminders.Deliveries, reminders.Deliveries));
    }
}
