using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LymphBot.Reminders.Bench;

/// <summary>A scratch database for one run: a temp SQLite file, or a PostgreSQL database created and dropped.</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _adminConnectionString;

    private BenchStore(string label, string[] configuration, string? folder, string? database, string? adminConnectionString, string connectionString)
    {
        Label = label;
        Configuration = configuration;
        _folder = folder;
        DatabaseName = database;
        _adminConnectionString = adminConnectionString;
        ConnectionString = connectionString;
    }

    public string Label { get; }

    /// <summary>Host configuration arguments that point LymphBot at this database.</summary>
    public string[] Configuration { get; }

    public string ConnectionString { get; }

    public string? DatabaseName { get; }

    public bool IsPostgres => _adminConnectionString is not null;

    public static BenchStore Sqlite(string? parent)
    {
        var folder = Path.Combine(parent ?? Path.GetTempPath(), "lymphbot-reminders-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "lymphbot.db")}";
        return new BenchStore(parent is null ? "SQLite" : $"SQLite ({parent})", [$"--ConnectionStrings:LymphBot={connectionString}"], folder, null, null, connectionString);
    }

    public static async Task<BenchStore> PostgresAsync(string adminConnectionString)
    {
        var name = "lymphbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        return new BenchStore("PostgreSQL", ["--Storage:Provider=Postgres", $"--ConnectionStrings:LymphBot={connectionString}"], null, name, adminConnectionString, connectionString);
    }

    /// <summary>Bytes on disk: the SQLite file with its WAL, or <c>pg_database_size</c>.</summary>
    public async Task<long> SizeAsync()
    {
        if (_folder is not null)
        {
            return Directory.EnumerateFiles(_folder, "lymphbot.db*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return Convert.ToInt64(await size.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The SQLite file after a checkpoint folds the WAL into it.</summary>
    public async Task<long> CheckpointedSqliteSizeAsync()
    {
        if (_folder is null)
        {
            return 0;
        }

        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return new FileInfo(Path.Combine(_folder, "lymphbot.db")).Length;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
