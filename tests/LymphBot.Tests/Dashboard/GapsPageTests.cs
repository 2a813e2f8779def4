using System.Net;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;
using LymphBot.Dashboard;
using LymphBot.Storage;

namespace LymphBot.Tests.Dashboard;

/// <summary>The Knowledge gaps page on a real Kestrel: grouping, the two decisions, suggested phrasings, and who may do what.</summary>
public sealed class GapsPageTests
{
    private static readonly ChatAddress Group1 = new("test", "group-1");
    private static readonly ChatAddress Group2 = new("test", "group-2");

    [Fact]
    public async Task Gaps_AreGroupedBySimilarity_WithCountFirstLastAndExample_OnlyFromTheModeratorsChat()
    {
        await using var host = await DashboardHost.StartAsync();
        var start = host.Time.GetUtcNow();
        await AskAsync(host, Group1, "swelling after surgery", start.AddDays(-3), start.AddDays(-2), start.AddHours(-1));
        await AskAsync(host, Group1, "how long does swelling last after surgery", start.AddDays(-5), start.AddDays(-4));
        await AskAsync(host, Group1, "can i fly with a compression sleeve", start.AddDays(-1));
        await AskAsync(host, Group2, "secret question from another group", start);
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));

        var page = await browser.GetAsync(GapsEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.gaps tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        var cells = rows[0].QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal("5", cells[0]);
        Assert.Equal("2026-12-02 08:00", cells[1]);
        Assert.Equal("2026-12-07 07:00", cells[2]);
        Assert.Equal("swelling after surgery", rows[0].QuerySelector("q")!.TextContent);
        Assert.Contains("how long does swelling last after surgery", rows[0].QuerySelector("details")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("can i fly with a compression sleeve", rows[1].QuerySelector("q")!.TextContent);
        Assert.DoesNotContain("secret", page.Body, StringComparison.Ordinal);
        Assert.Contains("Suggested phrasings", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("form[action='/dashboard/suggestions/decide']"));
    }

    /// <summary>The page keeps its groups and applies what changed (OpenGaps); a new question must show at once.</summary>
    [Fact]
    public async Task Gaps_ViewedAgain_ShowAQuestionAskedInBetween_WithoutTheClockMoving()
    {
        await using var host = await DashboardHost.StartAsync();
        await AskAsync(host, Group1, "can i fly with a compression sleeve", host.Time.GetUtcNow());
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var before = await browser.GetAsync(GapsEndpoints.Path);
        var again = await browser.GetAsync(GapsEndpoints.Path);

        await AskAsync(host, Group1, "is sauna safe with lymphoedema", host.Time.GetUtcNow());
        var after = await browser.GetAsync(GapsEndpoints.Path);

        Assert.Single(before.Document.QuerySelectorAll("table.gaps tbody tr"));
        Assert.Equal(before.Document.QuerySelector("table.gaps")!.TextContent, again.Document.QuerySelector("table.gaps")!.TextContent);
        Assert.Equal(2, after.Document.QuerySelectorAll("table.gaps tbody tr").Length);
        Assert.Contains("is sauna safe with lymphoedema", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_RecordsSuggestedPhrasings_ClosesTheGroup_AndAuditsViaDashboard()
    {
        await using var host = await DashboardHost.StartAsync();
        var now = host.Time.GetUtcNow();
        await AskAsync(host, Group1, "swelling after surgery", now, now);
        await AskAsync(host, Group1, "how long does swelling last after surgery", now);
        var entry = host.Service<KnowledgeBase>().Snapshot.Entries[0].Id;
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync(GapsEndpoints.Path);

        var attached = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, GapsEndpoints.Path + "/attach", "swelling after surgery"), f => f["entry"] = entry);
        var after = await browser.GetAsync(attached.Location!);

        Assert.Equal(HttpStatusCode.SeeOther, attached.Status);
        Assert.Contains("Attached", after.Document.QuerySelector(".done")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll("table.gaps tbody tr"));
        var pending = await host.Service<ISuggestedPhrasingStore>().ListAsync(SuggestionStatus.Pending, CancellationToken.None);
        Assert.Equal(["how long does swelling last after surgery", "swelling after surgery"], pending.Select(p => p.Question).Order(StringComparer.Ordinal));
        Assert.All(pending, p => Assert.Equal(entry, p.EntryId));
        var audit = Assert.Single(await host.Service<IAuditLog>().RecentAsync(Group1, 10, CancellationToken.None), a => a.Action == "kb gap attach");
        Assert.Equal($"\"swelling after surgery\" (2 questions) → {entry} via dashboard", audit.Detail);
        Assert.Equal("7", audit.Actor!.UserId);
    }

    [Fact]
    public async Task NotCovered_ClosesTheGroup_AndIsAudited_ANewAskingDoesNotReopenIt()
    {
        await using var host = await DashboardHost.StartAsync();
        await AskAsync(host, Group1, "can i fly with a compression sleeve", host.Time.GetUtcNow());
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync(GapsEndpoints.Path);

        var marked = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, GapsEndpoints.Path + "/not-covered", "compression sleeve"));
        await AskAsync(host, Group1, "can i fly with a compression sleeve", host.Time.GetUtcNow());
        var after = await browser.GetAsync(GapsEndpoints.Path);

        Assert.Equal(HttpStatusCode.SeeOther, marked.Status);
        Assert.Empty(after.Document.QuerySelectorAll("table.gaps tbody tr"));
        var audit = Assert.Single(await host.Service<IAuditLog>().RecentAsync(Group1, 10, CancellationToken.None), a => a.Action == "kb gap not covered");
        Assert.EndsWith("via dashboard", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_ToAnEntryThatDoesNotExist_SaysSo_AndChangesNothing()
    {
        await using var host = await DashboardHost.StartAsync();
        await AskAsync(host, Group1, "swelling after surgery", host.Time.GetUtcNow());
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync(GapsEndpoints.Path);

        var attached = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, GapsEndpoints.Path + "/attach", "swelling"), f => f["entry"] = "no-such-entry");
        var after = await browser.GetAsync(attached.Location!);

        Assert.Contains("There is no entry with that id", after.Document.QuerySelector(".done")!.TextContent, StringComparison.Ordinal);
        Assert.Single(after.Document.QuerySelectorAll("table.gaps tbody tr"));
        Assert.Empty(await host.Service<ISuggestedPhrasingStore>().ListAsync(SuggestionStatus.Pending, CancellationToken.None));
    }

    [Fact]
    public async Task TamperedForms_Are403Or400_AndTouchNoOtherChatsQuestions()
    {
        await using var host = await DashboardHost.StartAsync();
        await AskAsync(host, Group1, "swelling after surgery", host.Time.GetUtcNow());
        await AskAsync(host, Group2, "secret question from another group", host.Time.GetUtcNow());
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync(GapsEndpoints.Path);
        var form = DashboardBrowser.FormInRow(page, GapsEndpoints.Path + "/not-covered", "swelling");

        var otherChat = await browser.SubmitAsync(form, f => (f["chat"], f["key"]) = ("test:group-2", "secret question from another group"));
        var otherKey = await browser.SubmitAsync(form, f => f["key"] = "secret question from another group");
        var readOther = await browser.GetAsync(GapsEndpoints.Path + "?chat=test:group-2");
        var readPrivate = await browser.GetAsync(GapsEndpoints.Path + "?chat=private");
        var noToken = await browser.PostAsync(GapsEndpoints.Path + "/not-covered", [new("chat", "test:group-1"), new("key", "swelling after surgery")]);
        var decide = await browser.PostAsync("/dashboard/suggestions/decide", DashboardBrowser.Fields(form).Append(new("id", "1")).Append(new("decision", "approve")));

        Assert.Equal(HttpStatusCode.Forbidden, otherChat.Status);
        Assert.Equal(HttpStatusCode.SeeOther, otherKey.Status);
        Assert.Equal(HttpStatusCode.Forbidden, readOther.Status);
        Assert.DoesNotContain("secret", readOther.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, readPrivate.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Equal(HttpStatusCode.Forbidden, decide.Status);
        var open = await host.Service<SqlGapInbox>().OpenAsync(null, 10, CancellationToken.None);
        Assert.Equal(["secret question from another group", "swelling after surgery"], open.Select(r => r.Question).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SuggestedPhrasings_ConfiguredModeratorApproves_TheBaseAnswersWithIt_AndItIsAudited()
    {
        await using var host = await DashboardHost.StartAsync("--Moderators:Users:0=test:7");
        var entry = host.Service<KnowledgeBase>().Snapshot.Entries[0];
        var store = host.Service<ISuggestedPhrasingStore>();
        await store.RecordAsync("zebra quokka wombat", entry.Id, "test", host.Time.GetUtcNow(), CancellationToken.None);
        await store.RecordAsync("<b>bold</b> & co", entry.Id, "test", host.Time.GetUtcNow(), CancellationToken.None);
        using var browser = await host.SignInAsync(await host.LinkForConfiguredModeratorAsync());
        var page = await browser.GetAsync(GapsEndpoints.Path);

        var approved = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, "/dashboard/suggestions/decide", "zebra"), f => f["decision"] = "approve");
        var rejected = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, "/dashboard/suggestions/decide", "bold"), f => f["decision"] = "reject");
        var again = await browser.SubmitAsync(DashboardBrowser.FormInRow(page, "/dashboard/suggestions/decide", "bold"), f => f["decision"] = "approve");

        Assert.Contains("<b>bold</b> & co", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("main b"), b => b.TextContent == "bold");
        Assert.Equal(HttpStatusCode.SeeOther, approved.Status);
        Assert.Equal(HttpStatusCode.SeeOther, rejected.Status);
        Assert.EndsWith("done=gone", again.Location, StringComparison.Ordinal);
        Assert.Equal(entry.Id, host.Service<KnowledgeBase>().Ask("zebra quokka wombat").Entry?.Id);
        Assert.Equal(SuggestionStatus.Rejected, Assert.Single(await store.ListAsync(SuggestionStatus.Rejected, CancellationToken.None)).Status);
        var audit = await host.Service<IAuditLog>().RecentAsync(new ChatAddress("test", GapScope.PrivateChatId), 10, CancellationToken.None);
        Assert.Equal(["kb suggestions reject", "kb suggestions approve", "dashboard sign-in"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.EndsWith("via dashboard", a.Detail, StringComparison.Ordinal));
    }

    private static async Task AskAsync(DashboardHost host, ChatAddress chat, string question, params DateTimeOffset[] times)
    {
        foreach (var at in times)
        {
            await host.Service<IQuestionGapStore>().RecordAsync(question, GapScope.Group(chat), at, CancellationToken.None);
        }
    }
}
