using LymphBot.Core.Chat;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Chat;
using LymphBot.Testing.Knowledge;
using LymphBot.Testing.Moderation;
using LymphBot.Testing.Programs;
using LymphBot.Testing.Scheduling;
using LymphBot.Testing.Tips;

namespace LymphBot.Core.Tests.Programs;

public sealed class InMemoryProgramEnrollmentStoreTests : ProgramEnrollmentStoreContract
{
    protected override Task<(IReminderStore Reminders, IProgramEnrollmentStore Enrollments, IChatMigrationStore Migrations)> CreateStoresAsync()
    {
        var reminders = new InMemoryReminderStore();
        var enrollments = new InMemoryProgramEnrollmentStore(reminders);
        var migrations = new InMemoryChatMigrationStore(reminders, enrollments, new InMemoryTipStore(), new InMemoryAuditLog(), new InMemoryQuestionGapStore(), new InMemoryChatReachability());
        return Task.FromResult<(IReminderStore, IProgramEnrollmentStore, IChatMigrationStore)>((reminders, enrollments, migrations));
    }
}
