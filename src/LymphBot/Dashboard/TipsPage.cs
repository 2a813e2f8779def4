using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace LymphBot.Dashboard;

/// <summary>The Tips page. Tips and suggesters' names are members' words: every one goes through <see cref="Html.Encode"/>.</summary>
public static class TipsPage
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Gone = "gone";
    public const int NextPosts = 7;

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        [Approved] = "Approved: the tip joins this chat's rotation, and its author was told.",
        [Rejected] = "Rejected, and its author was told (with your reason, if you gave one).",
        [Gone] = "That suggestion was already decided, or is not in this chat. Nothing changed.",
    };

    public static string Render(DashboardView view, AntiforgeryTokenSet forgery, TipsFigures? figures, string? done)
    {
        ArgumentNullException.ThrowIfNull(view);
        var sb = new StringBuilder();
        sb.Append(DashboardPages.Outcome(Outcomes, done));
        sb.Append(DashboardPages.ChatPicker(view.Session, TipsEndpoints.Path, view.ChatValue));
        if (figures is null)
        {
            sb.Append("<p>Tips belong to a group chat: choose one to see its review queue, its tips and its tip of the day.</p>");
            return DashboardPages.Page("Tips", view.Session, forgery, sb.ToString());
        }

        Queue(sb, forgery, figures);
        Own(sb, figures);
        Schedule(sb, figures);
        return DashboardPages.Page("Tips", view.Session, forgery, sb.ToString());
    }

    private static void Queue(StringBuilder sb, AntiforgeryTokenSet forgery, TipsFigures figures)
    {
        sb.Append("<h2>Waiting for review</h2>");
        if (figures.Queue.Count == 0)
        {
            sb.Append("<p>No suggestions are waiting.</p>");
            return;
        }

        sb.Append("<table class=\"queue\"><thead><tr><th>#</th><th class=\"text\">Tip</th><th class=\"text\">Suggested by</th><th class=\"text\">Decision</th></tr></thead><tbody>");
        foreach (var tip in figures.Queue)
        {
            var by = tip.SuggestedBy?.DisplayName ?? "a member who asked to be forgotten";
            var fields = $"{DashboardPages.Field(forgery)}<input type=\"hidden\" name=\"chat\" value=\"{Html.Encode(figures.Chat.ToString())}\"><input type=\"hidden\" name=\"id\" value=\"{tip.Id}\">";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{tip.Id}</td><td class=\"text\">{Html.Encode(tip.Text)}</td><td class=\"text\">{Html.Encode(by)}, {Day(tip.CreatedAt)}</td><td class=\"text\">")
                .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{TipsEndpoints.Path}/decide\">{fields}<button name=\"decision\" value=\"approve\">Approve</button> ")
                .Append("<input name=\"reason\" size=\"18\" maxlength=\"300\" placeholder=\"reason (optional)\" aria-label=\"reason for rejecting\"> <button name=\"decision\" value=\"reject\">Reject</button></form></td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Own(StringBuilder sb, TipsFigures figures)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<h2>This chat's tips</h2><p>{figures.Own.Count} of its own, plus {figures.PoolSize - figures.Own.Count} seed tips from the knowledge base.</p>");
        if (figures.Own.Count == 0)
        {
            return;
        }

        sb.Append("<table class=\"tips\"><thead><tr><th>#</th><th class=\"text\">Tip</th><th>Added</th></tr></thead><tbody>");
        foreach (var tip in figures.Own)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{tip.Id}</td><td class=\"text\">{Html.Encode(tip.Text)}</td><td>{Day(tip.CreatedAt)}</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Schedule(StringBuilder sb, TipsFigures figures)
    {
        sb.Append("<h2>Tip of the day</h2>");
        if (figures.TipOfTheDay is not { } daily)
        {
            sb.Append("<p>No tip of the day in this chat. A moderator sets one there with <code>/tips daily 9:00 Europe/Berlin</code>.</p>");
            return;
        }

        var paused = daily.State == Core.Scheduling.ReminderState.Paused ? $" <b>Paused</b>: {Html.Encode(daily.PauseReason ?? "by a moderator")}." : string.Empty;
        sb.Append(CultureInfo.InvariantCulture, $"<p>Every day at {Html.Encode(daily.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture))} {Html.Encode(daily.TimeZone)}.{paused} ")
            .Append(CultureInfo.InvariantCulture, $"Each post is a tip of the rotation not posted yet: {figures.Unposted} of {figures.PoolSize} to go before it starts over.</p>")
            .Append(CultureInfo.InvariantCulture, $"<table class=\"next\"><thead><tr><th class=\"text\">Next {NextPosts} posts (local time)</th><th>UTC</th></tr></thead><tbody>");
        foreach (var post in figures.NextPosts)
        {
            var dst = post.OnDstChangeDay ? " <small>(clocks change that day)</small>" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"text\">{post.LocalDate:ddd yyyy-MM-dd} {post.LocalTime:HH:mm}{dst}</td><td>{post.At.UtcDateTime:yyyy-MM-dd HH:mm}</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
