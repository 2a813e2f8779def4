using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Storage;

/// <summary>
/// Applies the versioned migrations in <c>Storage/Migrations</c> with FluentMigrator. It runs in a private
/// service provider so the runner's many services stay out of the application's container.
/// </summary>
public sealed partial class SchemaMigrator(Database database, ILoggerFactory loggerFactory)
{
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        // FluentMigrator's runner is synchronous; keep it off the caller's thread.
        Task.Run(Migrate, cancellationToken);

    private void Migrate()
    {
        if (database.Provider == StorageProvider.Sqlite)
        {
            PrepareSqliteFile(database.ConnectionString);
        }

        using var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddLogging()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                _ = database.Provider == StorageProvider.Sqlite ? runner.AddSQLite() : runner.AddPostgres();
                runner.WithGlobalConnectionString(database.ConnectionString)
                    .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations();
            })
            .BuildServiceProvider();
        var migrator = services.GetRequiredService<IMigrationRunner>();
        migrator.MigrateUp();
        LogSchemaReady(loggerFactory.CreateLogger<SchemaMigrator>(), database.Provider);
    }

    /// <summary>Creates the folder of the database file and switches it to WAL, which persists in the file.</summary>
    private static void PrepareSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database schema is up to date ({Provider})")]
    private static partial void LogSchemaReady(ILogger logger, StorageProvider provider);
}
