using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Adherence;

public sealed class InMemoryWeeklyRecapStoreTests : WeeklyRecapStoreContract
{
    protected override Task<(IReminderStore Reminders, IWeeklyRecapStore Recaps)> CreateStoresAsync()
    {
        var reminders = new InMemoryReminderStore();
        return Task.FromResult<(IReminderStore, IWeeklyRecapStore)>((reminders, new InMemoryWeeklyRecapStore(reminders)));
    }
}
