using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace LymphBot.Dashboard;

/// <summary>
/// Reminders and delivery health, for operators: per platform, the last 24 hours and 7 days side by side, the outbox
/// now, and where in the day the reminders fall. Only counts: no member, chat or message text appears here.
/// </summary>
public static class DeliveryHealthPage
{
    public const string Path = "/dashboard/delivery";

    public static string OperatorsOnly() =>
        DashboardPages.Page("Operators only", null, null, "<p>Delivery health covers every chat, so it is shown to operators only (<code>Dashboard:Operators</code>).</p>");

    public static string Render(DashboardSession session, AntiforgeryTokenSet forgery, DeliveryHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<p>As of {health.Now.UtcDateTime:yyyy-MM-dd HH:mm} UTC. A reminder counts in a window by the time it was first due; on time means sent within {SqlOnTimeSeconds} s of that; lateness is from then until the platform took it.</p>");
        if (health.Platforms.Count == 0)
        {
            sb.Append("<p>No reminder has been due in the last 7 days, and the outbox is empty.</p>");
        }

        foreach (var platform in health.Platforms)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{Html.Encode(platform.Platform)}</h2>");
            sb.Append(Windows(platform.LastDay, platform.LastWeek));
        }

        if (health.Platforms.Count > 0)
        {
            sb.Append("<h2>Outbox now</h2><table><thead><tr><th>platform</th><th>due, waiting</th><th>oldest waiting</th><th>being sent</th><th>due later</th></tr></thead><tbody>");
            foreach (var platform in health.Platforms)
            {
                var b = platform.Backlog;
                sb.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{Html.Encode(platform.Platform)}</td><td>{b.Waiting}</td><td>{Duration(b.OldestWaiting)}</td><td>{b.Claimed}</td><td>{b.Later}</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("<h2>Active reminders by zone and local hour</h2>");
        sb.Append(SvgHeatMap.Render("Active daily reminders per time zone and hour of the local day", health.Subscriptions.Zones, health.Subscriptions.CountsByHour));
        return DashboardPages.Page("Delivery health", session, forgery, sb.ToString());
    }

    private static readonly long SqlOnTimeSeconds = (long)Storage.SqlOverviewQuery.OnTimeWithin.TotalSeconds;

    private static string Windows(DeliveryWindow day, DeliveryWindow week)
    {
        var sb = new StringBuilder("<table class=\"health\"><thead><tr><th></th><th>last 24 hours</th><th>last 7 days</th></tr></thead><tbody>");
        void Row(string name, Func<DeliveryWindow, string> value) =>
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th>{name}</th><td>{value(day)}</td><td>{value(week)}</td></tr>");

        Row("due", w => Number(w.Due));
        Row("sent", w => Number(w.Sent));
        Row("on time", w => w.Sent == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{w.OnTime} ({100.0 * w.OnTime / w.Sent:0.#}%)"));
        Row("lateness p50", w => Duration(w.P50Lateness));
        Row("lateness p95", w => Duration(w.P95Lateness));
        Row("retries after errors", w => Number(w.Retries));
        Row("429 waits", w => w.RateLimitWaits == 0 ? "0" : $"{w.RateLimitWaits} ({Duration(w.RateLimitWaited)} in all)");
        Row("failed", w => Number(w.Failed));
        var reasons = day.Failures.Select(f => f.Reason).Union(week.Failures.Select(f => f.Reason), StringComparer.Ordinal);
        foreach (var reason in reasons)
        {
            Row($"&nbsp;&nbsp;{Html.Encode(reason)}", w => Number(w.Failures.FirstOrDefault(f => f.Reason == reason)?.Count ?? 0));
        }

        Row("chats that became unreachable", w => Number(w.BecameUnreachable));
        return sb.Append("</tbody></table>").ToString();
    }

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Seconds under two minutes, minutes under two hours, then hours; a dash for nothing to measure.</summary>
    public static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalSeconds: < 120 } s => string.Create(CultureInfo.InvariantCulture, $"{s.TotalSeconds:0} s"),
        { TotalMinutes: < 120 } m => string.Create(CultureInfo.InvariantCulture, $"{m.TotalMinutes:0.#} min"),
        { } h => string.Create(CultureInfo.InvariantCulture, $"{h.TotalHours:0.#} h"),
    };
}
