using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace LymphBot.Http;

/// <summary>The Quartz scheduler is started and not shut down or in standby.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = scheduler.Status;
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy(status.ToString().ToLowerInvariant());
    }
}
