using LymphBot.Testing.TestSupport;
using Npgsql;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server named by <c>LYMPHBOT_TEST_POSTGRES</c> (a connection string for a role that may create
/// databases). Each test gets a database of its own, dropped afterwards.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "LYMPHBOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        TestEnvironment.Require(ConnectionString is not null, $"{Variable} is not set, so there is no PostgreSQL server to test against (.ci/run starts one)");
        var name = "lymphbot_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = false };
        return new PostgresDatabase(name, builder.ConnectionString, ConnectionString!);
    }
}
