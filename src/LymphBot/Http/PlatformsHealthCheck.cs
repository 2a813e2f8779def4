using LymphBot.Core.Chat;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LymphBot.Http;

/// <summary>Every enabled adapter is connected.</summary>
public sealed class PlatformsHealthCheck(IEnumerable<IPlatformHealth> platforms) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = platforms.Select(p => (p.Name, Result: p.Check())).ToList();
        var detail = states.Count == 0 ? "no chat platform adapters enabled" : string.Join("; ", states.Select(s => $"{s.Name}: {s.Result.Detail}"));
        return Task.FromResult(states.All(s => s.Result.Ready) ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail));
    }
}
