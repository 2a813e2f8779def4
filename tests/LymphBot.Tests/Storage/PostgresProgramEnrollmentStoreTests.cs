using LymphBot.Core.Chat;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using LymphBot.Testing.Programs;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Storage;

public sealed class PostgresProgramEnrollmentStoreTests : ProgramEnrollmentStoreContract, IAsyncDisposable
{
    private readonly MigratedDatabases _databases = new();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    protected override async Task<(IReminderStore Reminders, IProgramEnrollmentStore Enrollments, IChatMigrationStore Migrations)> CreateStoresAsync()
    {
        var database = await _databases.PostgresAsync();
        return (new SqlReminderStore(database), new SqlProgramEnrollmentStore(database), new SqlChatMigrationStore(database));
    }
}
