using Microsoft.Extensions.Hosting;

namespace LymphBot.Storage;

/// <summary>Brings the schema up to date before any other hosted service touches the database.</summary>
public sealed class StorageInitializer(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
