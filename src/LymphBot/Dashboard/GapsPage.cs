using System.Globalization;
using System.Text;
using LymphBot.Core.Knowledge;
using Microsoft.AspNetCore.Antiforgery;

namespace LymphBot.Dashboard;

/// <summary>The Knowledge gaps page. Questions are members' words: every one goes through <see cref="Html.Encode"/>.</summary>
public static class GapsPage
{
    public const string Attached = "attached";
    public const string MarkedNotCovered = "not-covered";
    public const string GroupGone = "gone";
    public const string NoSuchEntry = "no-entry";
    public const string SuggestionApproved = "approved";
    public const string SuggestionRejected = "rejected";

    /// <summary>Groups listed; the rest are counted.</summary>
    public const int GroupsShown = 50;

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        [Attached] = "Attached: the questions wait under Suggested phrasings until a configured moderator approves them.",
        [MarkedNotCovered] = "Marked as not covered: the questions leave this list.",
        [GroupGone] = "That was already handled, or is no longer open. Nothing changed.",
        [NoSuchEntry] = "There is no entry with that id. Pick one from the list (type a few letters). Nothing changed.",
        [SuggestionApproved] = "Approved: the phrasing now answers with its entry.",
        [SuggestionRejected] = "Rejected.",
    };

    public static string Render(
        DashboardView view,
        AntiforgeryTokenSet forgery,
        IReadOnlyList<IReadOnlyList<GapRow>> groups,
        IReadOnlyList<(string EntryId, int Count, DateTimeOffset Last)>? unhelpful,
        IReadOnlyList<SuggestedPhrasing>? pending,
        KnowledgeSnapshot knowledge,
        string? done)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(knowledge);
        var sb = new StringBuilder();
        sb.Append(DashboardPages.Outcome(Outcomes, done));
        sb.Append(DashboardPages.ChatPicker(view.Session, GapsEndpoints.Path, view.ChatValue, offerPrivate: true));
        sb.Append("<h2>Unanswered and 👎 questions</h2><p>Questions the bot could not answer, and questions whose answer a member marked 👎 (marked so here), " +
            "grouped by what they ask about: the words that carry meaning, as the answers' search reads them " +
            "(synonyms joined, filler dropped, word endings ignored). A question joins the group whose first question shares at least half of their words.</p>");
        if (groups.Count == 0)
        {
            sb.Append("<p>No open questions here. 🎉</p>");
        }
        else
        {
            sb.Append(EntryList(knowledge));
            sb.Append("<table class=\"gaps\"><thead><tr><th>Asked</th><th>First</th><th>Last</th><th class=\"text\">Example, and what to do</th></tr></thead><tbody>");
            foreach (var group in groups.Take(GroupsShown))
            {
                GroupRow(sb, view, forgery, group);
            }

            sb.Append("</tbody></table>");
            if (groups.Count > GroupsShown)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p>… and {groups.Count - GroupsShown} smaller groups.</p>");
            }
        }

        if (unhelpful is not null)
        {
            Unhelpful(sb, unhelpful, knowledge);
        }

        Suggestions(sb, view, forgery, pending);
        return DashboardPages.Page("Knowledge gaps", view.Session, forgery, sb.ToString());
    }

    private static void GroupRow(StringBuilder sb, DashboardView view, AntiforgeryTokenSet forgery, IReadOnlyList<GapRow> group)
    {
        var example = group[0];
        var asked = group.Sum(r => r.Count);
        var first = group.Min(r => r.FirstAsked);
        var last = group.Max(r => r.LastAsked);
        var others = group.Select(r => r.Question).Distinct(StringComparer.Ordinal).Skip(1).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{asked}</td><td>{Day(first)}</td><td>{Day(last)}</td><td class=\"text\"><q>{Html.Encode(example.Question)}</q>");
        if (view.Chat is null)
        {
            var where = group.Select(r => r.ChatId.Length == 0 ? "private chats" : r.Chat.ToString()).Distinct(StringComparer.Ordinal);
            sb.Append(" <small>in ").Append(Html.Encode(string.Join(", ", where))).Append("</small>");
        }

        var unhelpful = group.Where(r => r.UnhelpfulEntry is not null).ToList();
        if (unhelpful.Count > 0)
        {
            var entries = string.Join(", ", unhelpful.Select(r => r.UnhelpfulEntry!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            sb.Append(CultureInfo.InvariantCulture, $" <small class=\"unhelpful\">👎 {unhelpful.Count} on the answer of <code>{Html.Encode(entries)}</code></small>");
        }

        if (others.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<details><summary>{others.Count} similar</summary><ul>");
            foreach (var other in others.Take(20))
            {
                sb.Append("<li>").Append(Html.Encode(other)).Append("</li>");
            }

            sb.Append("</ul></details>");
        }

        var hidden = $"{DashboardPages.Field(forgery)}<input type=\"hidden\" name=\"chat\" value=\"{Html.Encode(view.ChatValue)}\"><input type=\"hidden\" name=\"key\" value=\"{Html.Encode(example.Question)}\">";
        // The actions go on a line of their own, under the example and where it was asked.
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"actions\"><form class=\"inline\" method=\"post\" action=\"{GapsEndpoints.Path}/attach\">{hidden}")
            .Append("<label>Entry <input name=\"entry\" list=\"entries\" size=\"22\" required placeholder=\"entry id\"></label> <button type=\"submit\">Attach</button></form> ")
            .Append(CultureInfo.InvariantCulture, $"<form class=\"inline\" method=\"post\" action=\"{GapsEndpoints.Path}/not-covered\">{hidden}<button type=\"submit\">Not covered</button></form></div>")
            .Append("</td></tr>");
    }

    /// <summary>One list of entries for every group's box (a datalist: suggestions as you type, with or without script).</summary>
    private static string EntryList(KnowledgeSnapshot knowledge)
    {
        var sb = new StringBuilder("<datalist id=\"entries\">");
        foreach (var entry in knowledge.Entries.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{Html.Encode(entry.Id)}\">{Html.Encode(entry.Title)}</option>");
        }

        return sb.Append("</datalist>").ToString();
    }

    private static void Unhelpful(StringBuilder sb, IReadOnlyList<(string EntryId, int Count, DateTimeOffset Last)> unhelpful, KnowledgeSnapshot knowledge)
    {
        sb.Append("<h2>Answers marked 👎</h2><p class=\"note\">Every 👎 per entry, for operators only: a 👎 keeps its question (listed above, " +
            "in its chat) only while the bot still remembered the question when the button was pressed (a day, and not across a restart), and not from before it kept them.</p>");
        if (unhelpful.Count == 0)
        {
            sb.Append("<p>No 👎 yet.</p>");
            return;
        }

        sb.Append("<table><thead><tr><th>👎</th><th>Last</th><th class=\"text\">Entry</th></tr></thead><tbody>");
        foreach (var (entryId, count, last) in unhelpful)
        {
            var title = knowledge.Find(entryId)?.Title ?? "(no longer in the base)";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{count}</td><td>{Day(last)}</td><td class=\"text\"><code>{Html.Encode(entryId)}</code> {Html.Encode(title)}</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Suggestions(StringBuilder sb, DashboardView view, AntiforgeryTokenSet forgery, IReadOnlyList<SuggestedPhrasing>? pending)
    {
        sb.Append("<h2>Suggested phrasings</h2>");
        if (pending is null)
        {
            sb.Append("<p class=\"note\">Phrasings members chose under \"Did you mean…?\", and the questions attached here, change the answers in every chat: " +
                "only the bot's configured moderators approve them (Moderators:Users).</p>");
            return;
        }

        if (pending.Count == 0)
        {
            sb.Append("<p>No suggested phrasings are waiting.</p>");
            return;
        }

        sb.Append("<table><thead><tr><th>Chosen</th><th class=\"text\">Question → entry</th><th></th></tr></thead><tbody>");
        foreach (var suggestion in pending)
        {
            var fields = $"{DashboardPages.Field(forgery)}<input type=\"hidden\" name=\"chat\" value=\"{Html.Encode(view.ChatValue)}\"><input type=\"hidden\" name=\"id\" value=\"{suggestion.Id}\">";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{suggestion.Count}</td><td class=\"text\"><q>{Html.Encode(suggestion.Question)}</q> → <code>{Html.Encode(suggestion.EntryId)}</code></td><td>")
                .Append(CultureInfo.InvariantCulture, $"<form class=\"inline\" method=\"post\" action=\"/dashboard/suggestions/decide\">{fields}<button name=\"decision\" value=\"approve\">Approve</button> ")
                .Append("<button name=\"decision\" value=\"reject\">Reject</button></form></td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
