using System.Net;
using LymphBot.Core.Chat;
using LymphBot.Core.Moderation;
using LymphBot.Core.Tips;
using LymphBot.Dashboard;

namespace LymphBot.Tests.Dashboard;

/// <summary>The Tips page on a real Kestrel: the queue and its decisions, the chat's tips, the tip of the day's next posts.</summary>
public sealed class TipsPageTests
{
    private static readonly ChatAddress Group1 = new("test", "group-1");

    [Fact]
    public async Task TipsPage_ShowsTheQueue_TheChatsTips_AndTheNextSevenPosts()
    {
        await using var host = await DashboardHost.StartAsync();
        await SayAsync(host, "group-1", "8", "Ada", "/tip suggest Drink a glass of water after your session.");
        await SayAsync(host, "group-1", "7", "Mo", "/tip add Breathe deeply before you start.", admin: true);
        await SayAsync(host, "group-1", "7", "Mo", "/tips daily 10:00 Europe/Berlin", admin: true);
        await SayAsync(host, "group-2", "8", "Ada", "/tip suggest A tip for another group.");
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));

        var page = await browser.GetAsync(TipsEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var queue = Assert.Single(page.Document.QuerySelectorAll("table.queue tbody tr"));
        Assert.Contains("Drink a glass of water", queue.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ada", queue.TextContent, StringComparison.Ordinal);
        Assert.Contains("Breathe deeply", Assert.Single(page.Document.QuerySelectorAll("table.tips tbody tr")).TextContent, StringComparison.Ordinal);
        var next = page.Document.QuerySelectorAll("table.next tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(7, next.Count);
        Assert.Equal("Mon 2026-12-07 10:002026-12-07 09:00", next[0]);
        Assert.Equal("Sun 2026-12-13 10:002026-12-13 09:00", next[6]);
        Assert.DoesNotContain("another group", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveAndReject_TellTheSuggester_AndAreAuditedViaDashboard()
    {
        await using var host = await DashboardHost.StartAsync();
        await SayAsync(host, "group-1", "8", "Ada", "/tip suggest First idea.");
        await SayAsync(host, "group-1", "9", "Bo", "/tip suggest Second idea.");
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync(TipsEndpoints.Path);
        var sentBefore = host.Platform.All.Count;

        var approved = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, TipsEndpoints.Path + "/decide", "First idea"), f => f["decision"] = "approve");
        var rejected = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, TipsEndpoints.Path + "/decide", "Second idea"), f => (f["decision"], f["reason"]) = ("reject", "we have one like it"));
        var after = await browser.GetAsync(rejected.Location!);

        Assert.Equal(HttpStatusCode.SeeOther, approved.Status);
        Assert.Contains("Rejected", after.Document.QuerySelector(".done")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll("table.queue tbody tr"));
        Assert.Contains("First idea", after.Document.QuerySelector("table.tips")!.TextContent, StringComparison.Ordinal);
        var told = host.Platform.All.Skip(sentBefore).Select(m => m.Reply.Text).ToList();
        Assert.Contains(told, t => t.Contains("was approved", StringComparison.Ordinal));
        Assert.Contains(told, t => t.EndsWith("was not added. Reason: we have one like it", StringComparison.Ordinal));
        var audit = await host.Service<IAuditLog>().RecentAsync(Group1, 10, CancellationToken.None);
        var details = audit.Where(a => a.Action is "tip approve" or "tip reject").Select(a => $"{a.Action}: {a.Detail}").ToList();
        Assert.Equal(["tip reject: 2 we have one like it via dashboard", "tip approve: 1 via dashboard"], details);
    }

    [Fact]
    public async Task Decide_OnAnotherChatsTip_OrAnotherChat_OrWithoutToken_ChangesNothing()
    {
        await using var host = await DashboardHost.StartAsync();
        await SayAsync(host, "group-1", "8", "Ada", "/tip suggest Mine.");
        await SayAsync(host, "group-2", "8", "Ada", "/tip suggest Theirs.");
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync(TipsEndpoints.Path);
        var form = DashboardBrowser.FormInRow(page, TipsEndpoints.Path + "/decide", "Mine");

        var otherTip = await browser.SubmitAsync(form, f => (f["id"], f["decision"]) = ("2", "approve"));
        var otherChat = await browser.SubmitAsync(form, f => (f["chat"], f["id"], f["decision"]) = ("test:group-2", "2", "approve"));
        var readOther = await browser.GetAsync(TipsEndpoints.Path + "?chat=test:group-2");
        var noToken = await browser.PostAsync(TipsEndpoints.Path + "/decide", [new("chat", "test:group-1"), new("id", "1"), new("decision", "approve")]);
        var signedOut = new DashboardBrowser(host.BaseAddress);
        var anonymous = await signedOut.GetAsync(TipsEndpoints.Path);

        Assert.EndsWith("done=gone", otherTip.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherChat.Status);
        Assert.Equal(HttpStatusCode.Forbidden, readOther.Status);
        Assert.DoesNotContain("Theirs", readOther.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(TipStatus.Pending, (await host.Service<ITipStore>().FindAsync(1, CancellationToken.None))!.Status);
        Assert.Equal(TipStatus.Pending, (await host.Service<ITipStore>().FindAsync(2, CancellationToken.None))!.Status);
        signedOut.Dispose();
    }

    [Fact]
    public async Task WhatMembersWrote_IsEscaped()
    {
        const string Text = "<script>alert(1)</script><b>bold</b>";
        await using var host = await DashboardHost.StartAsync();
        await SayAsync(host, "group-1", "8", "<img src=x onerror=alert(2)>", "/tip suggest " + Text);
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));

        var page = await browser.GetAsync(TipsEndpoints.Path);

        Assert.Empty(page.Document.Scripts);
        Assert.Empty(page.Document.Images);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("main b"), b => b.TextContent == "bold");
        Assert.Contains(Text, page.Text, StringComparison.Ordinal);
    }

    private static Task<string> SayAsync(DashboardHost host, string chatId, string userId, string name, string text, bool admin = false) =>
        host.SayAsync(DashboardHost.GroupMessage(chatId, userId, name, admin) with { Text = text });
}
