using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LymphBot.Storage;

/// <summary>
/// Each provider's ADO.NET types behind methods of their own. The JIT loads an assembly when it compiles a method that
/// names one of its types, so keeping the two drivers apart means a SQLite deployment never loads the PostgreSQL driver
/// (about 1 MiB resident) and a PostgreSQL one never loads SQLite.
/// </summary>
internal static class ProviderDrivers
{
    public static DbConnection CreateConnection(StorageProvider provider, string connectionString) =>
        provider == StorageProvider.Sqlite ? Sqlite.Connection(connectionString) : Postgres.Connection(connectionString);

    /// <summary>Parses the connection string; throws <see cref="ArgumentException"/> on unknown keywords or malformed pairs.</summary>
    public static void ParseConnectionString(StorageProvider provider, string connectionString)
    {
        if (provider == StorageProvider.Sqlite)
        {
            Sqlite.Parse(connectionString);
        }
        else
        {
            Postgres.Parse(connectionString);
        }
    }

    /// <summary>Closes pooled connections, which would otherwise hold files or server sessions until the process exits.</summary>
    public static void ClearPools(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            Sqlite.ClearPools();
        }
        else
        {
            Postgres.ClearPools();
        }
    }

    /// <summary>What a driver error means for the operator (damaged, full, read-only…), or <c>null</c> for other errors.</summary>
    public static string? DescribeFault(StorageProvider provider, DbException exception) =>
        provider == StorageProvider.Sqlite ? Sqlite.DescribeFault(exception) : null;

    /// <summary>A SQLite connection of its own, outside the pool: its page cache is empty, so it reads what is on disk.</summary>
    public static DbConnection CreateUnpooledSqliteConnection(string connectionString) => Sqlite.Unpooled(connectionString);

    /// <summary>The absolute path of a SQLite connection string's file.</summary>
    public static string SqliteFilePath(string connectionString) => Sqlite.FilePath(connectionString);

    private static class Sqlite
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        [SuppressMessage("Performance", "CA1859", Justification = "The caller must not name the driver's types.")]
        public static DbConnection Unpooled(string connectionString) =>
            new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string FilePath(string connectionString) =>
            new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } path && path != ":memory:" ? Path.GetFullPath(path) : ":memory:";

        // Primary result codes: https://sqlite.org/rescode.html
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string? DescribeFault(DbException exception) => (exception as SqliteException)?.SqliteErrorCode switch
        {
            5 or 6 => "is locked by another program; stop it, or wait until it finishes",
            8 => "is read-only: the file or its folder cannot be written (check the permissions and the mount)",
            10 => "cannot be read or written: disk I/O error (check the disk and the file system)",
            11 => "is damaged (database disk image is malformed); restore it from a backup",
            13 => "cannot be written: the disk is full",
            14 => "cannot be opened: check that its folder exists and is writable",
            23 => "cannot be opened: permission denied",
            26 => "is not a SQLite database (the file is damaged or something else); restore it from a backup, or move it away to start afresh",
            _ => null,
        };

        [MethodImpl(MethodImplOptions.NoInlining)]
        [SuppressMessage("Performance", "CA1859", Justification = "The caller must not name the driver's types.")]
        public static DbConnection Connection(string connectionString) => new SqliteConnection(connectionString);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Parse(string connectionString) => _ = new SqliteConnectionStringBuilder(connectionString).ConnectionString;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ClearPools() => SqliteConnection.ClearAllPools();
    }

    private static class Postgres
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        [SuppressMessage("Performance", "CA1859", Justification = "The caller must not name the driver's types.")]
        public static DbConnection Connection(string connectionString) => new NpgsqlConnection(connectionString);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Parse(string connectionString) => _ = new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ClearPools() => NpgsqlConnection.ClearAllPools();
    }
}
