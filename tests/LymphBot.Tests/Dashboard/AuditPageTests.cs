using System.Net;
using LymphBot.Core.Chat;
using LymphBot.Core.Moderation;
using LymphBot.Dashboard;

namespace LymphBot.Tests.Dashboard;

/// <summary>The Audit log page on a real Kestrel: filters, paging, scope, and a CSV a spreadsheet cannot be tricked by.</summary>
public sealed class AuditPageTests
{
    private static readonly ChatAddress Group1 = new("test", "group-1");
    private static readonly ChatAddress Group2 = new("test", "group-2");

    [Fact]
    public async Task AuditLog_FiltersByActionModeratorAndDate_InPagesOfFifty_OnlyTheModeratorsChats()
    {
        await using var host = await DashboardHost.StartAsync();
        var day = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        // With the /dashboard that issued the link and the sign-in: 63 rows in group-1.
        for (var i = 0; i < 60; i++)
        {
            await RecordAsync(host, Group1, "7", "Mo", "tip approve", i.ToString(System.Globalization.CultureInfo.InvariantCulture), day.AddDays(i % 3));
        }

        await RecordAsync(host, Group1, "8", "Ada", "tips", "daily 9:00", day);
        await RecordAsync(host, Group2, "9", "Zed", "tip remove", "secret", day);
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));

        var first = await browser.GetAsync(AuditEndpoints.Path);
        var second = await browser.GetAsync(first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var byAction = await browser.GetAsync(AuditEndpoints.Path + "?action=tips");
        var byModerator = await browser.GetAsync(AuditEndpoints.Path + "?moderator=ADA");
        var byDate = await browser.GetAsync(AuditEndpoints.Path + "?from=2026-12-02&to=2026-12-02&action=tip+approve");
        var badDate = await browser.GetAsync(AuditEndpoints.Path + "?from=yesterday");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(50, Rows(first).Count);
        Assert.Contains("Page 1 of 2", first.Text, StringComparison.Ordinal);
        Assert.Equal(13, Rows(second).Count);
        Assert.Equal(["dashboard sign-in", "dashboard"], Rows(first).Take(2).Select(r => r[3]));
        Assert.Contains("Page 2 of 2", second.Text, StringComparison.Ordinal);
        Assert.Equal(["tips"], Rows(byAction).Select(r => r[3]));
        Assert.Equal(["Ada (8)"], Rows(byModerator).Select(r => r[2]));
        Assert.Equal(20, Rows(byDate).Count);
        Assert.All(Rows(byDate), r => Assert.StartsWith("2026-12-02", r[0], StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, badDate.Status);
        Assert.Contains("\"yesterday\" is not a date", badDate.Text, StringComparison.Ordinal);
        Assert.Equal(50, Rows(badDate).Count);
        Assert.DoesNotContain("secret", first.Body + second.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("tip remove", first.Document.QuerySelector("select[name=action]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExport_QuotesEveryCell_AndDefusesFormulas()
    {
        await using var host = await DashboardHost.StartAsync();
        var at = host.Time.GetUtcNow();
        await RecordAsync(host, Group1, "7", "=cmd|' /C calc'!A0", "tip add", "-2+3, said \"he\"\nnext line", at);
        await RecordAsync(host, Group1, "7", "@SUM(1)", "tip add", "+1", at.AddSeconds(1));
        await RecordAsync(host, Group2, "9", "Zed", "tip remove", "secret", at);
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync(AuditEndpoints.Path + "?action=tip+add");

        var link = page.Document.QuerySelector($"a[href^='{AuditEndpoints.CsvPath}']")!.GetAttribute("href")!;
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add("Cookie", string.Join("; ", browser.Cookies.Select(c => $"{c.Key}={c.Value}")));
        using var response = await http.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType ?? ContentDisposition(response));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("\"at_utc\",\"platform\",\"chat_id\",\"moderator_id\",\"moderator_name\",\"action\",\"detail\",\"allowed\"", lines[0]);
        Assert.Equal("\"2026-12-07 08:00:01\",\"test\",\"group-1\",\"7\",\"'@SUM(1)\",\"tip add\",\"'+1\",\"yes\"", lines[1]);
        Assert.Equal("\"2026-12-07 08:00:00\",\"test\",\"group-1\",\"7\",\"'=cmd|' /C calc'!A0\",\"tip add\",\"'-2+3, said \"\"he\"\"\nnext line\",\"yes\"", lines[2]);
        Assert.DoesNotContain("secret", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@A1", "\"'@A1\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("a=1", "\"a=1\"")]
    [InlineData("say \"hi\", ok", "\"say \"\"hi\"\", ok\"")]
    [InlineData("", "\"\"")]
    public void CsvCell_EscapesQuotes_AndPrefixesFormulaStarts(string value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public async Task AuditLog_AnotherChat_Is403_WithoutSession_401()
    {
        await using var host = await DashboardHost.StartAsync();
        await RecordAsync(host, Group2, "9", "Zed", "tip remove", "secret", host.Time.GetUtcNow());
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        using var anonymous = new DashboardBrowser(host.BaseAddress);

        var page = await browser.GetAsync(AuditEndpoints.Path + "?chat=test:group-2");
        var csv = await browser.GetAsync(AuditEndpoints.CsvPath + "?chat=test:group-2");
        var privateChats = await browser.GetAsync(AuditEndpoints.CsvPath + "?chat=private");
        var noSession = await anonymous.GetAsync(AuditEndpoints.CsvPath);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal(HttpStatusCode.Forbidden, csv.Status);
        Assert.Equal(HttpStatusCode.Forbidden, privateChats.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, noSession.Status);
        Assert.DoesNotContain("secret", page.Body + csv.Body, StringComparison.Ordinal);
    }

    private static string ContentDisposition(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Disposition", out var values) ? values.Single().Split(';')[0] : string.Empty;

    private static List<string[]> Rows(DashboardBrowser.Response page) =>
        [.. page.Document.QuerySelectorAll("table.audit tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray())];

    private static Task RecordAsync(DashboardHost host, ChatAddress chat, string userId, string name, string action, string detail, DateTimeOffset at) =>
        host.Service<IAuditLog>().RecordAsync(new AuditEntry(chat, new ChatUser("test", userId, name), action, detail, true, at), CancellationToken.None);
}
