using System.Text.Json;
using LymphBot.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace LymphBot.Http;

public static class HttpEndpoints
{
    /// <summary>Binds Kestrel to <c>Http:Urls</c>; adds health checks and the OpenTelemetry metrics exporter.</summary>
    public static WebApplicationBuilder AddLymphBotHttp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready])
            .AddCheck<PlatformsHealthCheck>("platforms", tags: [Ready]);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(LymphBotMetrics.MeterName)
            // Every stream preallocates its cardinality limit in points (about 70 KiB per instrument at the default
            // 2,000). Our tags are platforms, operations, kinds and status codes, never users or chats: a few dozen
            // combinations per instrument, so 500 leaves room and saves MiBs in an idle bot.
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricPointsPerStream })
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Maps <c>/healthz</c> (the process is alive and serving) and <c>/readyz</c> (storage reachable, scheduler running,
    /// every enabled adapter connected; 503 with a JSON body naming what is not ready) and <c>/metrics</c> (Prometheus).
    /// </summary>
    public static WebApplication MapLymphBotHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private const string Ready = "ready";

    private const int MetricPointsPerStream = 500;

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString().ToLowerInvariant(), detail = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
