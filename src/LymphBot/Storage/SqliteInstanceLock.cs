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
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException ex) when (IsHeldByAnotherProcess(ex))
        {
            throw new InstanceConflictException(
                $"another LymphBot instance is already using the SQLite database {Path.GetFullPath(path)}. SQLite serves one instance; " +
                "stop the other one, or use Storage:Provider=Postgres to run several.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only or missing folder is not another instance: say what is really wrong.
            throw new StorageUnavailableException(
                $"the SQLite database {Path.GetFullPath(path)} cannot be used: its lock file {lockPath} cannot be created ({ex.Message.TrimEnd('.')}). " +
                "Check that the folder exists and this user may write to it.", ex);
        }
    }

    // The lock is flock(LOCK_EX | LOCK_NB): .NET reports "would block" as a sharing violation whose HResult is the raw
    // errno (EWOULDBLOCK: 11 on Linux, 35 on macOS); on Windows it is ERROR_SHARING_VIOLATION as an HRESULT.
    private static bool IsHeldByAnotherProcess(IOException exception) =>
        exception.HResult is 11 or 35 or unchecked((int)0x80070020);

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
