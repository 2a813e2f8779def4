using LymphBot.Testing.TestSupport;
using Microsoft.Data.Sqlite;

namespace LymphBot.Tests.TestSupport;

/// <summary>Reads the SQLite file a test's host wrote, to assert on what was stored.</summary>
public static class SqliteFile
{
    public static async Task<long> ScalarAsync(TempDirectory data, string sql)
    {
        ArgumentNullException.ThrowIfNull(data);
        await using var connection = Open(data);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<T>> QueryAsync<T>(TempDirectory data, string sql)
    {
        ArgumentNullException.ThrowIfNull(data);
        await using var connection = Open(data);
        await connection.OpenAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<T>(connection, sql)];
    }

    /// <summary>Runs a statement on the file, for a test that changes the database under the host (a trigger that fails a write).</summary>
    public static async Task ExecuteAsync(TempDirectory data, string sql)
    {
        ArgumentNullException.ThrowIfNull(data);
        await using var connection = Open(data);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static SqliteConnection Open(TempDirectory data) => new($"Data Source={data.Combine("lymphbot.db")};Pooling=false");
}
