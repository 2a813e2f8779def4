using System.Net;
using LymphBot.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace LymphBot.Tests.Dashboard;

/// <summary>
/// An idle bot builds none of the dashboard: its endpoints are not in the shared routing that health probes go
/// through, and antiforgery (with the data protection behind it) is made by the first page that needs a form.
/// </summary>
public sealed class DashboardIdleTests
{
    [Fact]
    public async Task Start_AndHealthProbes_BuildNoDashboard_TheFirstPageStillWorks()
    {
        await using var host = await DashboardHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var shared = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? string.Empty).ToList();
        var antiforgery = Assert.IsType<DeferredAntiforgery>(host.Service<IAntiforgery>());
        var createdAtIdle = antiforgery.IsCreated;

        using var browser = new DashboardBrowser(host.BaseAddress);
        var confirm = await browser.GetAsync((await host.LinkForAdminAsync()).PathAndQuery);
        var signedIn = await browser.SubmitAsync(confirm, DashboardSignIn.SignInPath);
        var overview = await browser.GetAsync(signedIn.Location!);
        var missing = await browser.GetAsync("/dashboard/no-such-page");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("/readyz", shared);
        Assert.DoesNotContain(shared, p => p.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.False(createdAtIdle);
        Assert.True(antiforgery.IsCreated);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("Overview", overview.Document.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }
}
