using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Adherence;

public sealed class InMemoryOutcomeStoreTests : OutcomeStoreContract
{
    protected override Task<(IReminderStore Reminders, IOccurrenceStore Occurrences, IOutcomeStore Outcomes)> CreateStoresAsync()
    {
        var reminders = new InMemoryReminderStore();
        return Task.FromResult<(IReminderStore, IOccurrenceStore, IOutcomeStore)>((reminders, reminders.Deliveries, new InMemoryOutcomeStore(reminders)));
    }
}
