using System.Net;
using System.Text.Json;
using LymphBot.Core.Chat;
using LymphBot.Http;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LymphBot.Tests.Http;

/// <summary>Health and readiness through a real Kestrel on a free loopback port.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_AndReadyz_WhenEverythingIsUp_Return200()
    {
        using var data = new TempDirectory();
        await using var app = await StartAsync(data, null);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await ReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(["platforms", "scheduler", "storage"], body.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("running", body.GetProperty("checks").GetProperty("scheduler").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ProbeVerb_ExitsZeroWhenHealthy_OneWhenNothingListens()
    {
        using var data = new TempDirectory();
        await using var app = await StartAsync(data, null);
        var url = app.Urls.First().TrimEnd('/');

        var up = await LymphBot.Tests.TestSupport.LymphBotProcess.RunAsync(["probe", url + "/healthz"]);
        await app.StopAsync();
        var down = await LymphBot.Tests.TestSupport.LymphBotProcess.RunAsync(["probe", url + "/healthz"]);

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("did not answer", down.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_AdapterDisconnected_Returns503NamingIt_WhileHealthzStaysUp()
    {
        using var data = new TempDirectory();
        var adapter = new SwitchablePlatformHealth();
        await using var app = await StartAsync(data, adapter);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(http)).StatusCode);
        adapter.Ready = false;
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var platforms = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("platforms");
        Assert.Equal("unhealthy", platforms.GetProperty("status").GetString());
        Assert.Equal("fake: reconnecting", platforms.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Scheduler_IsRunningBeforeKestrelListens_SoNoProbeFindsItStarting()
    {
        using var data = new TempDirectory();
        var scheduler = new TaskCompletionSource<HealthCheckResult>();

        await using var app = await StartAsync(data, null, services => services.AddTransient<IStartupFilter>(sp =>
            new BeforeServerStarts(() => scheduler.SetResult(new SchedulerHealthCheck(sp.GetRequiredService<ISchedulerFactory>())
                .CheckHealthAsync(new HealthCheckContext()).GetAwaiter().GetResult()))));

        var atServerStart = await scheduler.Task;
        Assert.True(atServerStart.Status == HealthStatus.Healthy, atServerStart.Description);
    }

    /// <summary>Readiness holds from the first request: no probe may find a part still starting (and log an error).</summary>
    private static Task<HttpResponseMessage> ReadyAsync(HttpClient http) => http.GetAsync(new Uri("/readyz", UriKind.Relative));

    private static async Task<WebApplication> StartAsync(TempDirectory data, IPlatformHealth? health, Action<IServiceCollection>? services = null)
    {
        var builder = Program.CreateBuilder(
        [
            $"--ConnectionStrings:LymphBot=Data Source={data.Combine("lymphbot.db")}",
            "--Console:Enabled=false",
            "--Http:Urls=http://127.0.0.1:0",
        ]);
        builder.Logging.ClearProviders();
        if (health is not null)
        {
            builder.Services.AddSingleton(health);
        }

        services?.Invoke(builder.Services);
        var app = Program.Build(builder);
        await app.StartAsync();
        return app;
    }

    /// <summary>Kestrel builds the request pipeline, running every startup filter, just before it starts listening.</summary>
    private sealed class BeforeServerStarts(Action observe) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            observe();
            return next;
        }
    }
}
