using System.Net;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Sending;
using LymphBot.Dashboard;

namespace LymphBot.Tests.Dashboard;

/// <summary>The delivery health page end to end: real sends through the outbox, then the page an operator reads.</summary>
public sealed class DeliveryHealthPageTests
{
    [Fact]
    public async Task Operator_SeesWhatTheSenderDid_RetriesRateLimitsAndUnreachableChats_WithoutMemberNames()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:Operators:0=test:99");
        string[] members = ["ada", "bob", "cyd", "dot"];
        var subscriptions = new List<ReminderSubscription>();
        foreach (var member in members)
        {
            subscriptions.Add(await host.Reminders.SubscribeAsync(member, "08:01", "UTC"));
        }

        var rateLimited = 0;
        var refused = 0;
        host.Platform.Fail = chat => chat.ChatId switch
        {
            "chat-ada" when Interlocked.Increment(ref rateLimited) == 1 =>
                new SendReport(SendOutcome.RateLimited, "Too Many Requests: retry after 20") { RetryAfter = TimeSpan.FromSeconds(20) },
            "chat-bob" when Interlocked.Increment(ref refused) == 1 => new SendReport(SendOutcome.NotSent, "connection refused"),
            "chat-cyd" => new SendReport(SendOutcome.Unreachable, "Forbidden: bot was blocked by the user"),
            _ => null,
        };

        Assert.True(await host.Reminders.AdvanceUntilAsync(() => AllSettledAsync(host, subscriptions), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)));
        // The latest any send can be is the time the test clock stood at once all had settled: how many 1 s steps that
        // took depends on how busy the machine was, so it bounds the lateness instead of a fixed figure.
        var settledAfter = host.Time.GetUtcNow() - new DateTimeOffset(2026, 12, 7, 8, 1, 0, TimeSpan.Zero); // due at 08:01 on the host's first day
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1", userId: "99"));

        var page = await browser.GetAsync(DeliveryHealthPage.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var figures = page.Document.QuerySelectorAll("table.health tr")
            .Where(r => r.QuerySelector("td") is not null)
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent)));
        Assert.Equal("4 | 4", figures["due"]);
        Assert.Equal("3 | 3", figures["sent"]);
        Assert.Equal("3 (100%) | 3 (100%)", figures["on time"]);
        Assert.Equal("1 | 1", figures["retries after errors"]);
        Assert.Equal("1 (20 s in all) | 1 (20 s in all)", figures["429 waits"]);
        Assert.Equal("1 | 1", figures["failed"]);
        Assert.Equal("1 | 1", figures[FailureReasons.Unreachable]);
        Assert.Equal("1 | 1", figures["chats that became unreachable"]);
        Assert.InRange(int.Parse(figures["lateness p95"].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), 20, (int)Math.Ceiling(settledAfter.TotalSeconds));

        // cyd's reminder was paused when the chat turned out unreachable: three remain active at 08 UTC.
        var utc = page.Document.QuerySelectorAll("details tbody tr").Single(r => r.Children[0].TextContent == "UTC");
        Assert.Equal("3", utc.Children[1 + 8].TextContent);
        Assert.Single(page.Document.QuerySelectorAll("svg"));

        // The page without its hidden form fields: an antiforgery token is random text that can hold "bob" by chance.
        foreach (var hidden in page.Document.QuerySelectorAll("input[type=hidden]").ToList())
        {
            hidden.Remove();
        }

        var shown = page.Document.DocumentElement.OuterHtml;
        foreach (var member in members)
        {
            Assert.DoesNotMatch($@"(?i)\b{member}\b", shown);
        }
    }

    [Fact]
    public async Task Moderator_Gets403_AndNoSession401()
    {
        await using var host = await DashboardHost.StartAsync();
        using var moderator = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        using var stranger = new DashboardBrowser(host.BaseAddress);

        var forbidden = await moderator.GetAsync(DeliveryHealthPage.Path);
        var overview = await moderator.GetAsync("/dashboard");
        var anonymous = await stranger.GetAsync(DeliveryHealthPage.Path);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Empty(forbidden.Document.QuerySelectorAll("table"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.DoesNotContain(overview.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == DeliveryHealthPage.Path);
    }

    private static async Task<bool> AllSettledAsync(DashboardHost host, List<ReminderSubscription> subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            if ((await host.Reminders.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))?.State is not (DeliveryState.Sent or DeliveryState.Failed))
            {
                return false;
            }
        }

        return true;
    }
}
