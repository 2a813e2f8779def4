using Microsoft.Data.Sqlite;

namespace LymphBot.Storage;

/// <summary>
/// SQLite serves one bot process: two schedulers on one file fire every trigger twice, and Quartz refuses to
/// cluster on SQLite. The first process holds an exclusive lock on <c>&lt;database&gt;.lock</c> for its lifetime;
/// a second one refuses to start with a clear message. The OS releases the lock if the process dies.
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private FileStream? _lock;

    public void Acquire(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (_lock is not null || string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return;
        }

        var lockPath = Path.GetFullPath(path) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        try
        {
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new InstanceConflictException(
                $"another LymphBot instance is already using the SQLite database {Path.GetFullPath(path)}. SQLite serves one instance; " +
                "stop the other one, or use Storage:Provider=Postgres to run several.", ex);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
