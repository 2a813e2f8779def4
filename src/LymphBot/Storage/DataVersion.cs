using System.Data.Common;

namespace LymphBot.Storage;

/// <summary>
/// A token that is the same on two reads only if no write was committed to the database between them, by this process
/// or any other: on SQLite <c>PRAGMA data_version</c> on a connection kept for it alone (the value means something
/// only on one connection, and only others' commits move it, so this one never writes); on PostgreSQL the current
/// snapshot (<c>xmin:xmax:in-progress</c>), which a new write transaction or a commit anywhere on the server changes.
/// Null when the database cannot tell (an in-memory SQLite database is private to each connection).
/// </summary>
public sealed class DataVersion(Database database) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DbConnection? _sqlite;

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Postgres)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return await ScalarAsync(connection, "SELECT pg_current_snapshot()::text", cancellationToken);
        }

        if (ProviderDrivers.SqliteFilePath(database.ConnectionString) == ":memory:" || database.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_sqlite is null)
            {
                var connection = ProviderDrivers.CreateUnpooledSqliteConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                _sqlite = connection;
            }

            return await ScalarAsync(_sqlite, "PRAGMA data_version", cancellationToken);
        }
        catch (DbException)
        {
            // A broken connection (the file replaced, a disk fault) is dropped, so the next read opens a new one; a
            // new connection's numbers do not follow the old one's, which only costs one recomputation.
            _sqlite?.Dispose();
            _sqlite = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _sqlite?.Dispose();
        _gate.Dispose();
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
