using System.Data.Common;
using Dapper;

namespace LymphBot.Storage;

/// <summary>
/// Whether the database works, as readiness means it: it takes a write now, the bot's own writes are not failing,
/// and (SQLite) its pages are intact. A full disk or damaged pages make every write fail while reads go on, so a
/// read alone would report a broken bot as ready.
/// </summary>
public sealed class StorageProbe(Database database, TimeProvider time)
{
    /// <summary>
    /// An integrity check reads the whole file (about 45 ms for 20 MB): once a minute catches damage soon enough and
    /// costs next to nothing.
    /// </summary>
    public static readonly TimeSpan IntegrityInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Less free space than this where the SQLite file lives counts as a full disk. A small write can still land in
    /// WAL pages written before (the WAL is reused from its start after a checkpoint), so the write probe alone would
    /// call a full disk ready until the next write that needs a new page fails.
    /// </summary>
    public const long MinimumFreeBytes = 1024 * 1024;

    private readonly Lock _gate = new();
    private DateTimeOffset _integrityCheckedAt = DateTimeOffset.MinValue;
    private string? _integrityProblem;

    /// <summary><c>null</c> when storage works; otherwise what is wrong, in one line.</summary>
    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE storage_probe SET checked_at = @At WHERE id = 1", new { At = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
            if (database.Provider == StorageProvider.Sqlite && await IntegrityProblemAsync(cancellationToken) is { } damaged)
            {
                return damaged;
            }

            if (database.Provider == StorageProvider.Sqlite && DiskSpaceProblem() is { } full)
            {
                return full;
            }
        }
        catch (DbException ex)
        {
            return "writes failing: " + (StorageFaults.Describe(ex, database) ?? ex.Message);
        }

        return database.LastWriteFault is { } fault ? "writes failing: " + fault : null;
    }

    private string? DiskSpaceProblem()
    {
        var path = ProviderDrivers.SqliteFilePath(database.ConnectionString);
        if (path == ":memory:" || Path.GetDirectoryName(path) is not { } folder)
        {
            return null;
        }

        try
        {
            var free = new DriveInfo(folder).AvailableFreeSpace;
            return free < MinimumFreeBytes
                ? $"the disk is full ({free / 1024} KiB free where {path} is); writes that need more room will fail"
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A file system that cannot say how much room it has is not a reason to call the bot unready.
            return null;
        }
    }

    private async Task<string?> IntegrityProblemAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now - _integrityCheckedAt < IntegrityInterval)
            {
                return _integrityProblem;
            }
        }

        // quick_check verifies every page and index structure without cross-checking index contents: fast enough here.
        // A pooled connection could answer from pages it cached before the damage, so this one reads the disk.
        await using var connection = ProviderDrivers.CreateUnpooledSqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var result = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA quick_check(1)", cancellationToken: cancellationToken));
        var problem = result == "ok" ? null : $"the SQLite database is damaged ({result}); restore it from a backup";
        lock (_gate)
        {
            _integrityCheckedAt = now;
            _integrityProblem = problem;
        }

        return problem;
    }
}
