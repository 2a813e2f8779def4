using System.Net;
using LymphBot.Dashboard;
using Microsoft.Extensions.Logging;

namespace LymphBot.Tests.Dashboard;

/// <summary>The pages past sign-in: scope, antiforgery on changes, escaping, and the Overview's figures.</summary>
public sealed class DashboardPageTests
{
    [Fact]
    public async Task ModeratorAskingForAnotherChat_Gets403_NeverItsData()
    {
        await using var host = await DashboardHost.StartAsync();
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));

        var own = await browser.GetAsync("/dashboard?chat=test:group-1");
        var other = await browser.GetAsync("/dashboard?chat=test:group-2");
        var otherPlatform = await browser.GetAsync("/dashboard?chat=telegram:group-1");
        var garbage = await browser.GetAsync("/dashboard?chat=group-2");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal(HttpStatusCode.Forbidden, otherPlatform.Status);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.Status);
        Assert.DoesNotContain("group-2", other.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_SeesEveryChat()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:Operators:0=test:99");
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1", userId: "99"));

        var any = await browser.GetAsync("/dashboard?chat=test:group-2");
        var every = await browser.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, any.Status);
        Assert.Equal(HttpStatusCode.OK, every.Status);
        Assert.Contains("(operator)", every.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageViews_LogNoAntiforgeryCacheHeaderWarning()
    {
        var logs = new List<string>();
        await using var host = await DashboardHost.StartAsync(logs, "--Dashboard:Operators:0=test:99");
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1", userId: "99"));

        // Both pages carry the sign-out form, so both ask antiforgery for a token, which sets its cache headers.
        var overview = await browser.GetAsync("/dashboard");
        var health = await browser.GetAsync(DeliveryHealthPage.Path);

        // A warning in antiforgery's category, to show such lines reach the list at all (data protection's
        // "No XML encryptor" warning did that until it was answered; see DashboardKeyTests).
        host.Service<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Antiforgery.Probe").LogWarning("probe");

        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Contains("sign-out", overview.Body, StringComparison.Ordinal);
        Assert.Contains("sign-out", health.Body, StringComparison.Ordinal);
        string[] lines;
        lock (logs)
        {
            lines = [.. logs];
        }

        Assert.Contains("Warning Microsoft.AspNetCore.Antiforgery.Probe: probe ", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Cache-Control", StringComparison.Ordinal) || (l.StartsWith("Warning Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal) && !l.Contains(".Probe:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pages_WithoutASession_Are401()
    {
        await using var host = await DashboardHost.StartAsync();
        using var browser = new DashboardBrowser(host.BaseAddress);
        browser.Cookies[DashboardHosting.SessionCookie] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard?chat=test:group-1")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync("/dashboard/sign-out", [])).Status);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejected_WithItEndsTheSession()
    {
        await using var host = await DashboardHost.StartAsync();
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync());
        var page = await browser.GetAsync("/dashboard");

        var forged = await browser.PostAsync("/dashboard/sign-out", []);
        var stillIn = await browser.GetAsync("/dashboard");
        var signedOut = await browser.SubmitAsync(page, "/dashboard/sign-out");
        var after = await browser.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, stillIn.Status);
        Assert.Equal(HttpStatusCode.OK, signedOut.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
    }

    [Fact]
    public async Task WhatMembersWrote_IsEscaped_AndNoScriptCanRun()
    {
        const string Name = "<script>alert(1)</script><img src=x onerror=alert(2)>&amp;";
        await using var host = await DashboardHost.StartAsync();
        var link = await host.LinkForAdminAsync("<b>group</b>", name: Name);
        using var browser = new DashboardBrowser(host.BaseAddress);

        var confirm = await browser.GetAsync(link.PathAndQuery);
        await browser.SubmitAsync(confirm, DashboardSignIn.SignInPath);
        var overview = await browser.GetAsync("/dashboard");

        foreach (var page in new[] { confirm, overview })
        {
            Assert.Empty(page.Document.Scripts);
            Assert.Empty(page.Document.Images);
            Assert.DoesNotContain(page.Document.QuerySelectorAll("main b"), b => b.TextContent == "group");
            Assert.Contains(Name, page.Text, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", page.ContentSecurityPolicy, StringComparison.Ordinal);
        }

        Assert.Contains("test:<b>group</b>", overview.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_CountsTheModeratorsChatOnly_ByDay()
    {
        await using var host = await DashboardHost.StartAsync();
        var now = host.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var yesterday = now - 86_400_000;
        await host.ExecuteAsync(
            Delivery(1, "group-1", yesterday, "Sent", yesterday + 5_000),
            Delivery(2, "group-1", yesterday, "Sent", yesterday + 600_000),
            Delivery(3, "group-1", yesterday, "Failed", yesterday + 1_000),
            Delivery(4, "group-2", yesterday, "Sent", yesterday + 1_000),
            Delivery(5, "group-1", now + 3_600_000, "Pending", null),
            "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, local_time, time_zone, state, created_at, kind) VALUES " +
            "('test', 'a', 'group-1', '08:00', 'UTC', 'Active', 0, 'Routine'), ('test', 'a', 'group-1', '09:00', 'UTC', 'Active', 0, 'Routine'), " +
            "('test', 'b', 'group-1', '08:00', 'UTC', 'Paused', 0, 'Routine'), ('test', 'c', 'group-2', '08:00', 'UTC', 'Active', 0, 'Routine')");
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));

        var page = await browser.GetAsync("/dashboard");

        var reminders = page.Document.QuerySelectorAll("figure.chart").Single(f => f.QuerySelector("figcaption")!.TextContent.StartsWith("Reminders per day", StringComparison.Ordinal));
        var legend = string.Join(" | ", reminders.QuerySelectorAll(".legend span").Select(s => s.TextContent.Trim()));
        Assert.Equal("due: 3 | on time: 1 | late: 1 | failed or missed: 1", legend);
        Assert.Contains("Members with at least one active reminder now: 1.", page.Text, StringComparison.Ordinal);
        var rows = reminders.QuerySelectorAll("details tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(30, rows.Count);
        Assert.Equal("2026-12-06" + "3" + "1" + "1" + "1", rows[1]);
    }

    private static string Delivery(long subscription, string chat, long dueAt, string state, long? completedAt) =>
        "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text, completed_at) " +
        $"VALUES ({subscription}, 'test', '{chat}', '2026-12-06', 'Daily', {dueAt}, '{state}', 1, 'x', {(completedAt?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NULL")})";
}
