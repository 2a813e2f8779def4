using System.Data.Common;
using Microsoft.Extensions.Options;

namespace LymphBot.Storage;

/// <summary>Opens connections to the configured database; the SQL the stores write runs on both providers.</summary>
public sealed class Database : IDisposable
{
    private readonly StorageOptions _options;

    // SQLite has one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms
    // before retrying: hot paths that write concurrently queue here instead.
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public Database(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public StorageProvider Provider => _options.Provider;

    public string ConnectionString => _options.EffectiveConnectionString;

    /// <summary>
    /// What went wrong with the last write made through <see cref="WriteAsync{T}"/>, when it failed for a reason of the
    /// storage itself (disk full, damaged, read-only); <c>null</c> once a write succeeds again. Readiness reports it.
    /// </summary>
    public string? LastWriteFault { get; private set; }

    /// <summary>Runs <paramref name="work"/> in one transaction, one writer at a time on SQLite.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var gated = Provider == StorageProvider.Sqlite;
        if (gated)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            LastWriteFault = null;
            return result;
        }
        catch (DbException ex) when (ProviderDrivers.DescribeFault(Provider, ex) is not null)
        {
            LastWriteFault = StorageFaults.Describe(ex, this);
            throw;
        }
        finally
        {
            if (gated)
            {
                _sqliteWriter.Release();
            }
        }
    }

    public void Dispose() => _sqliteWriter.Dispose();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = ProviderDrivers.CreateConnection(Provider, ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
