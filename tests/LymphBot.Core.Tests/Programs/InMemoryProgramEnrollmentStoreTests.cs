using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Programs;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Programs;

public sealed class InMemoryProgramEnrollmentStoreTests : ProgramEnrollmentStoreContract
{
    protected override Task<(IReminderStore Reminders, IProgramEnrollmentStore Enrollments)> CreateStoresAsync()
    {
        var reminders = new InMemoryReminderStore();
        return Task.FromResult<(IReminderStore, IProgramEnrollmentStore)>((reminders, new InMemoryProgramEnrollmentStore(reminders)));
    }
}
