using LymphBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LymphBot.Http;

/// <summary>The database takes writes and, on SQLite, is intact (<see cref="StorageProbe"/>).</summary>
public sealed class StorageHealthCheck(Database database, StorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.FindProblemAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy($"{database.Provider}: {problem}")
            : HealthCheckResult.Healthy(database.Provider.ToString());
}
