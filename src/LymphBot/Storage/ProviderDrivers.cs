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

    private static class Sqlite
    {
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
