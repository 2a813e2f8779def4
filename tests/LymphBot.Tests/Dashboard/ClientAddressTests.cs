using System.Net;
using LymphBot.Core.Dashboard;
using LymphBot.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.Dashboard;

/// <summary>Whose address a sign-in attempt counts against, with and without a known reverse proxy in front.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("", "127.0.0.1", "203.0.113.7", "127.0.0.1")] // no known proxy: the header is anyone's to write
    [InlineData("127.0.0.1", "127.0.0.1", "203.0.113.7", "203.0.113.7")]
    [InlineData("127.0.0.1", "127.0.0.1", "9.9.9.9, 203.0.113.7", "203.0.113.7")] // the client's own entry on the left is not believed
    [InlineData("127.0.0.1;10.0.0.0/8", "127.0.0.1", "9.9.9.9, 203.0.113.7, 10.1.2.3", "203.0.113.7")] // two proxies in a row
    [InlineData("127.0.0.1", "198.51.100.4", "203.0.113.7", "198.51.100.4")] // not from the proxy: the header is ignored
    [InlineData("127.0.0.1", "127.0.0.1", "", "127.0.0.1")]
    [InlineData("127.0.0.1", "127.0.0.1", "junk, 203.0.113.7", "203.0.113.7")]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", "203.0.113.7", "203.0.113.7")] // a dual-stack socket's IPv4 peer
    public void Of_BelievesXForwardedFor_OnlyFromKnownProxies(string proxies, string peer, string forwarded, string expected)
    {
        var options = new DashboardOptions();
        foreach (var proxy in proxies.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            options.KnownProxies.Add(proxy);
        }

        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwarded.Length > 0)
        {
            context.Request.Headers["X-Forwarded-For"] = forwarded;
        }

        Assert.Equal(expected, new ClientAddress(Options.Create(options)).Of(context));
    }

    [Fact]
    public async Task SignInLimit_BehindAKnownProxy_CountsPerForwardedClient_NotPerProxy()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:SignInAttemptsPerMinute=2", "--Dashboard:KnownProxies:0=127.0.0.1");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var first = await StatusFromAsync(http, "203.0.113.1");
        var second = await StatusFromAsync(http, "203.0.113.1");
        var third = await StatusFromAsync(http, "203.0.113.1");
        var otherClient = await StatusFromAsync(http, "203.0.113.2");
        var spoofedLeft = await StatusFromAsync(http, "203.0.113.9, 203.0.113.1");

        Assert.Equal([HttpStatusCode.Gone, HttpStatusCode.Gone, HttpStatusCode.TooManyRequests, HttpStatusCode.Gone, HttpStatusCode.TooManyRequests], [first, second, third, otherClient, spoofedLeft]);
    }

    [Fact]
    public async Task SignInLimit_WithoutKnownProxies_IgnoresXForwardedFor()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:SignInAttemptsPerMinute=2");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var statuses = new[] { await StatusFromAsync(http, "203.0.113.1"), await StatusFromAsync(http, "203.0.113.2"), await StatusFromAsync(http, "203.0.113.3") };

        Assert.Equal([HttpStatusCode.Gone, HttpStatusCode.Gone, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task KnownProxies_NotAnAddress_StopsTheStartWithAClearLine()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DashboardHost.StartAsync("--Dashboard:KnownProxies:0=proxy.example.org"));

        Assert.Contains("Dashboard:KnownProxies", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> StatusFromAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/sign-in?token=" + new string('A', 43));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
