using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.Storage;

/// <summary>
/// Claims the database (one process per SQLite file) and brings the schema up to date before any other hosted
/// service touches it; registered first, it stops last and flushes storage: the SQLite write-ahead log is folded into
/// the database file, so a stopped bot leaves one self-contained file to back up or copy.
/// </summary>
public sealed partial class StorageInitializer(
    SchemaMigrator migrator,
    Database database,
    SqliteInstanceLock instanceLock,
    ILogger<StorageInitializer> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _prepare = new(1, 1);
    private bool _prepared;

    public Task StartAsync(CancellationToken cancellationToken) => PrepareAsync(cancellationToken);

    /// <summary>
    /// Claims the database and migrates it, once. The host calls it before starting, so a damaged, full or unwritable
    /// database ends the process with one line (<see cref="StorageUnavailableException"/>) rather than a logged start-up
    /// failure and a stack trace.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await _prepare.WaitAsync(cancellationToken);
        try
        {
            if (_prepared)
            {
                return;
            }

            ClaimDatabase();
            await migrator.MigrateAsync(cancellationToken);
            _prepared = true;
        }
        catch (Exception ex) when (ex is not (InstanceConflictException or StorageUnavailableException or OperationCanceledException)
            && StorageFaults.Describe(ex, database) is { } problem)
        {
            throw new StorageUnavailableException(problem, ex);
        }
        finally
        {
            _prepare.Release();
        }
    }

    /// <summary>Takes the SQLite instance lock, so a conflict is one clear line.</summary>
    private void ClaimDatabase()
    {
        if (database.Provider == StorageProvider.Sqlite)
        {
            instanceLock.Acquire(database.ConnectionString);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (database.Provider != StorageProvider.Sqlite)
        {
            ProviderDrivers.ClearPools(database.Provider);
            return;
        }

        try
        {
            // Not cancellable: it takes milliseconds, and it matters most when shutdown ran out of time.
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (SqliteException ex)
        {
            // Nothing is lost: committed data in the log is part of the database and is folded in at the next start.
            LogCheckpointFailed(ex.Message);
        }

        // Pooled connections would keep the log file open until the process exits.
        ProviderDrivers.ClearPools(database.Provider);
    }

    public void Dispose() => _prepare.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fold the SQLite write-ahead log into the database at stop: {Reason}")]
    private partial void LogCheckpointFailed(string reason);
}
