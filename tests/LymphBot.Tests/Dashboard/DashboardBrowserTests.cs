using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;
using LymphBot.Core.Tips;
using LymphBot.Dashboard;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace LymphBot.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium on the real host's Kestrel: a moderator's whole journey, the same pages
/// with JavaScript off, and an operator signing in from the console. Every page visited is saved as a screenshot
/// (<see cref="Screenshots"/>). Without Chromium these skip with the reason; under CI they fail.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly ChatAddress Group1 = new(RecordingPlatform.PlatformName, "group-1");

    [SkippableFact]
    public async Task Moderator_SignsIn_AttachesAGap_ApprovesATip_AndExportsTheAuditLogAsCsv()
    {
        HeadlessChromium.Require();
        await using var host = await DashboardHost.StartAsync();
        await DashboardHistory.SeedAsync(host, "group-1");
        await SayAsync(host, "8", "Ada", "/ask best pasta recipe for dinner");
        await SayAsync(host, "9", "Bo", "/tip suggest Drink a glass of water after your session.");
        var entry = host.Service<KnowledgeBase>().Snapshot.Entries[0];
        var link = await host.LinkForAdminAsync("group-1");
        using var data = new TempDirectory();
        using var browser = HeadlessChromium.Start(data.Combine("downloads"));
        var shots = ShotsFor(nameof(Moderator_SignsIn_AttachesAGap_ApprovesATip_AndExportsTheAuditLogAsCsv));
        Assert.Equal("scripts on", browser.ScriptProbe());

        browser.GoTo(link);
        browser.WaitForPage("Sign in");
        Assert.Contains("Mo (test:7)", browser.WaitFor("main").Text, StringComparison.Ordinal);
        Save(browser, shots, "1-sign-in");
        Assert.Contains("Mo (moderator)", SignIn(browser), StringComparison.Ordinal);
        Assert.Equal(3, browser.Driver.FindElements(By.CssSelector("figure.chart svg")).Count);
        Save(browser, shots, "2-overview");

        Open(browser, "Knowledge gaps");
        var gap = browser.WaitFor("table.gaps tbody tr", r => r.Text.Contains("best pasta recipe for dinner", StringComparison.Ordinal));
        Save(browser, shots, "3-gaps");
        gap.FindElement(By.Name("entry")).SendKeys(entry.Id);
        Press(browser, gap, "Attach", "Attached");
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("table.gaps tbody tr")));
        var phrasing = Assert.Single(await host.Service<ISuggestedPhrasingStore>().ListAsync(SuggestionStatus.Pending, CancellationToken.None));
        Assert.Equal(("best pasta recipe for dinner", entry.Id), (phrasing.Question, phrasing.EntryId));
        Save(browser, shots, "4-gaps-attached");

        Open(browser, "Tips");
        var tip = browser.WaitFor("table.queue tbody tr", r => r.Text.Contains("Drink a glass of water", StringComparison.Ordinal));
        Save(browser, shots, "5-tips");
        var sentBefore = host.Platform.All.Count;
        Press(browser, tip, "Approve", "Approved");
        Assert.Contains("Drink a glass of water", browser.WaitFor("table.tips").Text, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("table.queue tbody tr")));
        Assert.Contains(host.Platform.All.Skip(sentBefore), m => m.Address == Group1 && m.Reply.Text.Contains("your tip #1 was approved", StringComparison.Ordinal));
        Assert.Equal(TipStatus.Approved, Assert.Single(await host.Service<ITipStore>().ListAsync(Group1, TipStatus.Approved, CancellationToken.None)).Status);
        Save(browser, shots, "6-tips-approved");

        Open(browser, "Audit log");
        browser.WaitFor("table.audit tbody tr", r => r.Text.Contains("tip approve", StringComparison.Ordinal));
        Save(browser, shots, "7-audit");
        browser.WaitFor("a[href^='/dashboard/audit.csv']").Click();
        var csv = ReadCsv(await File.ReadAllTextAsync(browser.WaitForDownload("lymphbot-audit-*.csv")));

        Assert.Equal("at_utc|platform|chat_id|moderator_id|moderator_name|action|detail|allowed", csv[0]);
        Assert.Equal(
            [
                "2026-12-07 08:00:00|test|group-1|7|Mo|tip approve|1 via dashboard|yes",
                $"2026-12-07 08:00:00|test|group-1|7|Mo|kb gap attach|\"best pasta recipe for dinner\" (1 question) → {entry.Id} via dashboard|yes",
                "2026-12-07 08:00:00|test|group-1|7|Mo|dashboard sign-in|moderator via dashboard|yes",
            ],
            csv.Where(r => r.Contains("via dashboard", StringComparison.Ordinal)));
        Assert.All(csv.Skip(1), r => Assert.StartsWith("2026-12-07 08:00:00|test|group-1|", r, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task WithJavaScriptOff_SignInNotCoveredAndRejectWithAReason_WorkAsPlainForms()
    {
        HeadlessChromium.Require();
        await using var host = await DashboardHost.StartAsync();
        await SayAsync(host, "8", "Ada", "/ask best pasta recipe for dinner");
        await SayAsync(host, "9", "Bo", "/tip suggest Stretch before every session.");
        var link = await host.LinkForAdminAsync("group-1");
        using var data = new TempDirectory();
        using var browser = HeadlessChromium.Start(data.Combine("downloads"), javaScript: false);
        var shots = ShotsFor(nameof(WithJavaScriptOff_SignInNotCoveredAndRejectWithAReason_WorkAsPlainForms));
        Assert.Equal("scripts off", browser.ScriptProbe());

        browser.GoTo(link);
        Assert.Contains("Mo (moderator)", SignIn(browser), StringComparison.Ordinal);
        Save(browser, shots, "1-overview");

        Open(browser, "Knowledge gaps");
        var gap = browser.WaitFor("table.gaps tbody tr", r => r.Text.Contains("best pasta recipe for dinner", StringComparison.Ordinal));
        Press(browser, gap, "Not covered", "Marked as not covered");
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("table.gaps tbody tr")));
        Save(browser, shots, "2-gaps-not-covered");

        Open(browser, "Tips");
        var tip = browser.WaitFor("table.queue tbody tr", r => r.Text.Contains("Stretch before every session", StringComparison.Ordinal));
        var sentBefore = host.Platform.All.Count;
        tip.FindElement(By.Name("reason")).SendKeys("we have one like it");
        Press(browser, tip, "Reject", "Rejected");
        Assert.Contains(host.Platform.All.Skip(sentBefore), m => m.Address == Group1 && m.Reply.Text.EndsWith("Reason: we have one like it", StringComparison.Ordinal));
        Save(browser, shots, "3-tips-rejected");

        Open(browser, "Audit log");
        browser.WaitFor("select[name='action'] option[value='tip reject']").Click();
        browser.WaitFor("form[action='/dashboard/audit'] button").Click();
        var only = browser.WaitFor("table.audit tbody", b => b.FindElements(By.TagName("tr")).Count == 1);
        Assert.Contains("tip reject", only.Text, StringComparison.Ordinal);
        Assert.Contains("we have one like it via dashboard", only.Text, StringComparison.Ordinal);
        Save(browser, shots, "4-audit-filtered");
        var audit = await host.Service<IAuditLog>().RecentAsync(Group1, 10, CancellationToken.None);
        Assert.Equal(["tip reject", "kb gap not covered", "dashboard sign-in"], audit.Where(a => a.Detail.EndsWith("via dashboard", StringComparison.Ordinal)).Select(a => a.Action));
    }

    [SkippableFact]
    public async Task Operator_SignsInFromTheConsole_SeesEveryChatAndTheDeliveryHealth_UntilSigningOut()
    {
        HeadlessChromium.Require();
        using var keyboard = new ConsoleKeyboard();
        using var screen = new ReplyRecorder();
        await using var host = await DashboardHost.StartWithConsoleAsync(keyboard, screen, "--Dashboard:Operators:0=console:local");
        await DashboardHistory.SeedAsync(host, "group-1", "group-2");
        var link = await DashboardHost.LinkFromConsoleAsync(keyboard, screen);
        using var data = new TempDirectory();
        using var browser = HeadlessChromium.Start(data.Combine("downloads"));
        var shots = ShotsFor(nameof(Operator_SignsInFromTheConsole_SeesEveryChatAndTheDeliveryHealth_UntilSigningOut));

        browser.GoTo(link);
        Assert.Contains("(operator)", SignIn(browser), StringComparison.Ordinal);
        Assert.Equal(4, browser.Driver.FindElements(By.CssSelector("figure.chart svg")).Count);
        Save(browser, shots, "1-overview");

        Open(browser, "Delivery health");
        var health = browser.WaitFor("main", m => m.Text.Contains("Outbox now", StringComparison.Ordinal)).Text;
        Assert.Contains(FailureReasons.Unreachable, health, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", health, StringComparison.Ordinal);
        Assert.DoesNotContain("m0-", health, StringComparison.Ordinal);
        Save(browser, shots, "2-delivery-health");

        Open(browser, "Audit log");
        browser.WaitFor("table.audit tbody tr", r => r.Text.Contains("dashboard sign-in", StringComparison.Ordinal));
        Save(browser, shots, "3-audit");

        browser.GoTo(link);
        browser.WaitForPage("Link expired");
        Assert.Equal(DashboardPages.LinkExpiredText, browser.WaitFor("main").Text);
        Save(browser, shots, "4-link-used-again");
        browser.GoTo(new Uri(host.BaseAddress, "/dashboard"));
        browser.WaitFor("form[action='/dashboard/sign-out'] button").Click();
        browser.WaitForPage("Signed out");
        Save(browser, shots, "5-signed-out");
        browser.GoTo(new Uri(host.BaseAddress, "/dashboard/audit"));
        browser.WaitForPage("Not signed in");
    }

    /// <summary>RFC 4180 rows (quoted cells, doubled quotes, CRLF), each as its cells joined by <c>|</c>.</summary>
    private static List<string> ReadCsv(string text)
    {
        var rows = new List<string>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' when quoted && i + 1 < text.Length && text[i + 1] == '"':
                    cell.Append('"');
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r' when !quoted:
                    break;
                case '\n' when !quoted:
                    cells.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(string.Join('|', cells));
                    cells.Clear();
                    break;
                default:
                    cell.Append(text[i]);
                    break;
            }
        }

        return rows;
    }

    private static Task<string> SayAsync(DashboardHost host, string userId, string name, string text) =>
        host.SayAsync(DashboardHost.GroupMessage("group-1", userId, name, admin: false) with { Text = text });

    /// <summary>Presses Sign in on the page a link opened and waits for the Overview; returns its header (who, and as what).</summary>
    private static string SignIn(HeadlessChromium browser)
    {
        browser.WaitFor("form[action='/dashboard/sign-in'] button").Click();
        browser.WaitForPage("Overview");
        return browser.WaitFor("header").Text;
    }

    /// <summary>Presses a form's button in a table row and waits for the page it leads back to, saying what it did.</summary>
    private static void Press(HeadlessChromium browser, IWebElement row, string button, string outcome)
    {
        row.FindElement(By.XPath($".//button[normalize-space()='{button}']")).Click();
        browser.WaitFor(".done", d => d.Text.StartsWith(outcome, StringComparison.Ordinal));
    }

    /// <summary>Follows the navigation link to a page and waits for it.</summary>
    private static void Open(HeadlessChromium browser, string page)
    {
        browser.WaitFor("nav a", a => a.Text == page).Click();
        browser.WaitForPage(page);
    }

    private string ShotsFor(string test)
    {
        var folder = Screenshots.For(test);
        output.WriteLine($"screenshots: {folder}");
        return folder;
    }

    private void Save(HeadlessChromium browser, string folder, string name) => output.WriteLine("saved " + browser.SaveScreenshot(folder, name));
}
