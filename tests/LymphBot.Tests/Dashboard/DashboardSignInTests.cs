using System.Net;
using LymphBot.Core.Chat;
using LymphBot.Core.Moderation;
using LymphBot.Dashboard;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Tests.Dashboard;

/// <summary>Signing in from chat, through a real Kestrel on a free loopback port, real SQLite and a fake clock.</summary>
public sealed class DashboardSignInTests
{
    [Fact]
    public async Task SignInLink_OpensOnceWithAPost_ThenShowsExpired()
    {
        await using var host = await DashboardHost.StartAsync();
        var link = await host.LinkForAdminAsync();
        using var browser = new DashboardBrowser(host.BaseAddress);

        var confirm = await browser.GetAsync(link.PathAndQuery);
        var again = await browser.GetAsync(link.PathAndQuery);
        var signedIn = await browser.SubmitAsync(confirm, DashboardSignIn.SignInPath);
        var overview = await browser.GetAsync(signedIn.Location!);
        using var other = new DashboardBrowser(host.BaseAddress);
        var reusedPage = await other.GetAsync(link.PathAndQuery);
        var reusedPost = await browser.SubmitAsync(confirm, DashboardSignIn.SignInPath);

        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("Mo", confirm.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.Status);
        Assert.Equal("/dashboard", signedIn.Location);
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("Overview", overview.Document.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, reusedPage.Status);
        Assert.Contains(DashboardPages.LinkExpiredText, reusedPage.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, reusedPost.Status);
        Assert.Contains(DashboardPages.LinkExpiredText, reusedPost.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_IsAudited_ViaDashboard_WhereTheSessionCanSeeIt_AFailedOneIsNot()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:Operators:0=test:99");
        var group = new ChatAddress("test", "group-1");
        using var moderator = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        using var operatorBrowser = await host.SignInAsync(await host.LinkForAdminAsync("group-1", userId: "99", name: "Op"));
        using var forged = new DashboardBrowser(host.BaseAddress);
        await forged.GetAsync("/dashboard/sign-in?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var audit = host.App.Services.GetRequiredService<IAuditLog>();

        var inGroup = (await audit.RecentAsync(group, 10, CancellationToken.None)).Where(a => a.Action == "dashboard sign-in").ToList();
        var noChat = (await audit.RecentAsync(new ChatAddress("test", ""), 10, CancellationToken.None)).Where(a => a.Action == "dashboard sign-in").ToList();

        var entry = Assert.Single(inGroup);
        Assert.Equal("7", entry.Actor!.UserId);
        Assert.Equal("moderator via dashboard", entry.Detail);
        Assert.Equal("operator via dashboard", Assert.Single(noChat).Detail);
    }

    [Fact]
    public async Task SignInLink_TenMinutesOld_IsExpired_OneSecondEarlierWorks()
    {
        await using var host = await DashboardHost.StartAsync();
        var late = await host.LinkForAdminAsync();
        var inTime = await host.LinkForAdminAsync();
        using var browser = new DashboardBrowser(host.BaseAddress);

        host.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var page = await browser.GetAsync(inTime.PathAndQuery);
        var signedIn = await browser.SubmitAsync(page, DashboardSignIn.SignInPath);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = await browser.GetAsync(late.PathAndQuery);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.Status);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains(DashboardPages.LinkExpiredText, expired.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/sign-in?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/dashboard/sign-in?token=short")]
    [InlineData("/dashboard/sign-in?token=%3Cscript%3E")]
    [InlineData("/dashboard/sign-in")]
    public async Task ForgedLink_ShowsThePlainExpiredPage(string path)
    {
        await using var host = await DashboardHost.StartAsync();
        using var browser = new DashboardBrowser(host.BaseAddress);

        var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains(DashboardPages.LinkExpiredText, page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.Forms);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyStrictAndTwelveHours_AndEndsAfterThem()
    {
        await using var host = await DashboardHost.StartAsync();
        using var browser = new DashboardBrowser(host.BaseAddress);
        var page = await browser.GetAsync((await host.LinkForAdminAsync()).PathAndQuery);
        await browser.SubmitAsync(page, DashboardSignIn.SignInPath);

        var cookie = browser.SetCookies[DashboardHosting.SessionCookie].ToLowerInvariant();
        host.Time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        var stillIn = await browser.GetAsync("/dashboard");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var ended = await browser.GetAsync("/dashboard");

        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=43200", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillIn.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, ended.Status);
    }

    [Fact]
    public async Task SessionCookie_IsSecure_WhenThePublicUrlIsHttps()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:PublicUrl=https://bot.example.org/");
        using var browser = new DashboardBrowser(host.BaseAddress);
        var link = await host.LinkForAdminAsync();

        var page = await browser.GetAsync(link.PathAndQuery);
        await browser.SubmitAsync(page, DashboardSignIn.SignInPath);

        Assert.StartsWith("https://bot.example.org/dashboard/sign-in?token=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("secure", browser.SetCookies[DashboardHosting.SessionCookie].ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutTheFormsAntiforgeryToken_IsRejected_AndTheLinkStaysUsable()
    {
        await using var host = await DashboardHost.StartAsync();
        using var browser = new DashboardBrowser(host.BaseAddress);
        var page = await browser.GetAsync((await host.LinkForAdminAsync()).PathAndQuery);

        var noField = await browser.SubmitAsync(page, DashboardSignIn.SignInPath, fields => fields.Remove(page.Document.Forms[0].Elements
            .OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(i => i.Name != "token").Name!));
        var forgedField = await browser.SubmitAsync(page, DashboardSignIn.SignInPath, fields =>
        {
            var name = fields.Keys.Single(k => k != "token");
            fields[name] = "forged";
        });
        var genuine = await browser.SubmitAsync(page, DashboardSignIn.SignInPath);

        Assert.Equal(HttpStatusCode.BadRequest, noField.Status);
        Assert.Equal(HttpStatusCode.BadRequest, forgedField.Status);
        Assert.Equal(HttpStatusCode.SeeOther, genuine.Status);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerAddress_AndAllowedAgainAfterAMinute()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:SignInAttemptsPerMinute=3");
        using var browser = new DashboardBrowser(host.BaseAddress);
        var link = await host.LinkForAdminAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.GetAsync(link.PathAndQuery)).Status);
        }

        var blockedPost = await browser.PostAsync(DashboardSignIn.SignInPath, []);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, blockedPost.Status);
        Assert.Equal(HttpStatusCode.OK, later.Status);
    }

    [Fact]
    public async Task NonModerator_GetsOneFriendlyLine_AndNoLink()
    {
        await using var host = await DashboardHost.StartAsync();

        var reply = await host.SayAsync(DashboardHost.GroupMessage("group-1", "8", "Ada", admin: false) with { RepliesPrivately = true });
        var direct = await host.SayAsync(new IncomingMessage(new ChatAddress("test", "8"), new ChatUser("test", "8", "Ada"), "/dashboard"));

        Assert.Equal("The dashboard is for moderators. If you moderate a group, send /dashboard there.", reply);
        Assert.Equal(reply, direct);
        Assert.Null(DashboardHost.FindLink(reply));
    }

    [Fact]
    public async Task GroupWithoutPrivateReplies_GetsTheLinkByDirectMessage_AndTheGroupSeesNone()
    {
        await using var host = await DashboardHost.StartAsync();

        var groupReply = await host.SayAsync(DashboardHost.GroupMessage("group-1", "7", "Mo", admin: true));

        Assert.Equal("I sent you a sign-in link in a direct message.", groupReply);
        var (address, reply) = Assert.Single(host.Platform.All);
        Assert.Equal(new ChatAddress(RecordingPlatform.PlatformName, "7"), address);
        Assert.NotNull(DashboardHost.FindLink(reply.Text));
    }

    [Fact]
    public async Task Console_PrintsTheLink_OnTheBoundPort()
    {
        using var data = new TempDirectory();

        var output = await ConsoleSession.RunAsync(data, ["--Dashboard:Operators:0=console:local"], "/dashboard");

        var line = Assert.Single(output, l => l.Contains("/dashboard/sign-in?token=", StringComparison.Ordinal));
        var link = DashboardHost.FindLink(line);
        Assert.NotNull(link);
        Assert.Equal("127.0.0.1", link.Host);
        Assert.NotEqual(0, link.Port);
    }
}
