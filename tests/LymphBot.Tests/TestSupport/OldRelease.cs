using FluentMigrator.Runner;
using LymphBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// A database as an older release left it, for upgrade tests: FluentMigrator's runner over the bot's own migrations,
/// applying only those that release had, each recorded in <c>VersionInfo</c> as the migrator records it.
/// </summary>
public static class OldRelease
{
    /// <summary>
    /// Applies every migration up to <paramref name="upTo"/>, then each of <paramref name="andAlso"/>: newer ones the
    /// release already had while it lacked some before them (numbers are dates, and branches landed out of order).
    /// </summary>
    public static void Migrate(StorageProvider provider, string connectionString, long upTo, params long[] andAlso)
    {
        ArgumentNullException.ThrowIfNull(andAlso);
        using var services = new ServiceCollection()
            .AddLogging()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                _ = provider == StorageProvider.Sqlite ? runner.AddSQLite() : runner.AddPostgres();
                runner.WithGlobalConnectionString(connectionString).ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations();
            })
            .BuildServiceProvider();
        var runner = (MigrationRunner)services.GetRequiredService<IMigrationRunner>();
        runner.MigrateUp(upTo);
        var migrations = runner.MigrationLoader.LoadMigrations();
        foreach (var version in andAlso)
        {
            runner.ApplyMigrationUp(migrations[version], useTransaction: true);
        }
    }
}
