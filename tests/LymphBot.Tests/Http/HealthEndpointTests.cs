using System.Net;
using System.Text.Json;
using LymphBot.Core.Chat;
using LymphBot.Core.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var adapter = new SwitchableHealth();
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

    /// <summary>Quartz starts once the host has started, so readiness follows a moment later: wait for it, bounded.</summary>
    private static async Task<HttpResponseMessage> ReadyAsync(HttpClient http)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK || attempt == 100)
            {
                return response;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<WebApplication> StartAsync(TempDirectory data, IPlatformHealth? health)
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

        var app = Program.Build(builder);
        await app.StartAsync();
        return app;
    }

    private sealed class SwitchableHealth : IPlatformHealth
    {
        public bool Ready { get; set; } = true;

        public string Name => "fake";

        public (bool Ready, string Detail) Check() => (Ready, Ready ? "connected" : "reconnecting");
    }
}
