using Microsoft.Extensions.Hosting;

namespace LymphBot.Storage;

/// <summary>
/// Claims the database (one process per SQLite file) and brings the schema up to date before any other hosted
/// service touches it.
/// </summary>
public sealed class StorageInitializer(SchemaMigrator migrator, Database database, SqliteInstanceLock instanceLock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ClaimDatabase();
        return migrator.MigrateAsync(cancellationToken);
    }

    /// <summary>Takes the SQLite instance lock; the host calls it before starting, so a conflict is one clear line.</summary>
    public void ClaimDatabase()
    {
        if (database.Provider == StorageProvider.Sqlite)
        {
            instanceLock.Acquire(database.ConnectionString);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
