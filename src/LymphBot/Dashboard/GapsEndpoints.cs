using LymphBot.Core.Knowledge;
using LymphBot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LymphBot.Dashboard;

/// <summary>
/// Knowledge gaps: the open unanswered and 👎 questions of the chats in view, grouped (<see cref="QuestionGroups"/>), each
/// group attached to an entry as suggested phrasings or marked not covered; and the "Did you mean…?" phrasings to
/// approve or reject. A form names its group by the group's first question, and the server groups the view's
/// questions again to find it, so a form can only ever touch questions the session may see.
/// </summary>
internal static class GapsEndpoints
{
    public const string Path = "/dashboard/gaps";

    /// <summary>Open questions read per page: the most asked, enough for a large community's backlog.</summary>
    public const int QuestionsRead = 10_000;

    public static void Map(RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/gaps", ShowAsync);
        dashboard.MapPost("/gaps/attach", AttachAsync);
        dashboard.MapPost("/gaps/not-covered", NotCoveredAsync);
        dashboard.MapPost("/suggestions/decide", DecideSuggestionAsync);
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context,
        string? chat,
        string? done,
        DashboardSignIn signIn,
        SqlGapInbox inbox,
                ISuggestedPhrasingStore suggestions,
        KnowledgeBase knowledge,
        IAntiforgery antiforgery,
        OpenGaps open,
        CancellationToken cancellationToken)
    {
        var (view, denied) = await DashboardRequests.ViewAsync(context, signIn, chat, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        // Reading and grouping up to 10,000 questions was most of this page; the groups are kept per view and brought up
        // to date from the rows changed since. A form still groups afresh (FindGroupAsync): it acts on what is stored now.
        var groups = await open.GroupsAsync(view.GapScopes(), cancellationToken);

        // 👎 votes and the suggested phrasings carry no chat: only who may read every chat's private questions sees them.
        var scope = view.Session.Scope;
        var unhelpful = scope.AllChats ? await inbox.UnhelpfulAsync(20, cancellationToken) : null;
        var pending = scope.PrivateChats ? await suggestions.ListAsync(SuggestionStatus.Pending, cancellationToken) : null;
        return DashboardRequests.Page(GapsPage.Render(view, antiforgery.GetAndStoreTokens(context), groups, unhelpful, pending, knowledge.Snapshot, done));
    }

    private static async Task<IResult> AttachAsync(
        HttpContext context,
        DashboardSignIn signIn,
        SqlGapInbox inbox,
        QuestionGroups grouping,
        ISuggestedPhrasingStore suggestions,
        KnowledgeBase knowledge,
        DashboardAudit audit,
        IAntiforgery antiforgery,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (view, form, denied) = await DashboardRequests.ChangeAsync(context, signIn, antiforgery, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        if (knowledge.Snapshot.Find(form!["entry"].ToString().Trim()) is not { } entry)
        {
            return DashboardRequests.BackTo(context, Path, view, GapsPage.NoSuchEntry);
        }

        if (await FindGroupAsync(view, form["key"], inbox, grouping, cancellationToken) is not { } group)
        {
            return DashboardRequests.BackTo(context, Path, view, GapsPage.GroupGone);
        }

        var now = time.GetUtcNow();
        foreach (var row in group.DistinctBy(r => r.Question, StringComparer.Ordinal))
        {
            await suggestions.RecordAsync(row.Question, entry.Id, row.Platform, now, cancellationToken);
        }

        await inbox.ResolveAsync(group, "attached:" + entry.Id, cancellationToken);
        await AuditAsync(audit, view, group, "kb gap attach", $"→ {entry.Id}", cancellationToken);
        return DashboardRequests.BackTo(context, Path, view, GapsPage.Attached);
    }

    private static async Task<IResult> NotCoveredAsync(
        HttpContext context, DashboardSignIn signIn, SqlGapInbox inbox, QuestionGroups grouping, DashboardAudit audit, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (view, form, denied) = await DashboardRequests.ChangeAsync(context, signIn, antiforgery, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        if (await FindGroupAsync(view, form!["key"], inbox, grouping, cancellationToken) is not { } group)
        {
            return DashboardRequests.BackTo(context, Path, view, GapsPage.GroupGone);
        }

        await inbox.ResolveAsync(group, SqlGapInbox.NotCovered, cancellationToken);
        await AuditAsync(audit, view, group, "kb gap not covered", string.Empty, cancellationToken);
        return DashboardRequests.BackTo(context, Path, view, GapsPage.MarkedNotCovered);
    }

    private static async Task<IResult> DecideSuggestionAsync(
        HttpContext context,
        DashboardSignIn signIn,
        ISuggestedPhrasingStore suggestions,
        KbSuggestions kb,
        DashboardAudit audit,
        IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var (view, form, denied) = await DashboardRequests.ChangeAsync(context, signIn, antiforgery, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        // The same rule as /kb suggestions: an approval changes answers in every chat.
        if (!view.Session.Scope.PrivateChats)
        {
            return DashboardRequests.Page(DashboardPages.Forbidden(), StatusCodes.Status403Forbidden);
        }

        var decision = form!["decision"].ToString();
        if (decision is not ("approve" or "reject") || !long.TryParse(form["id"], System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return DashboardRequests.BackTo(context, Path, view, GapsPage.GroupGone);
        }

        var approve = decision == "approve";
        var decided = await suggestions.DecideAsync(id, approve ? SuggestionStatus.Approved : SuggestionStatus.Rejected, cancellationToken);
        if (decided is null)
        {
            return DashboardRequests.BackTo(context, Path, view, GapsPage.GroupGone);
        }

        if (approve)
        {
            await kb.LoadApprovedAsync(cancellationToken);
        }

        await audit.RecordAsync(view.Session, DashboardAudit.NoChat(view.Session.Member), "kb suggestions " + decision, $"{id} \"{decided.Question}\" → {decided.EntryId}", cancellationToken);
        return DashboardRequests.BackTo(context, Path, view, approve ? GapsPage.SuggestionApproved : GapsPage.SuggestionRejected);
    }

    private static async Task<IReadOnlyList<IReadOnlyList<GapRow>>> GroupsAsync(DashboardView view, SqlGapInbox inbox, QuestionGroups grouping, CancellationToken cancellationToken) =>
        OpenGaps.GroupAfresh(grouping, await inbox.OpenAsync(view.GapScopes(), QuestionsRead, cancellationToken));

    private static async Task<IReadOnlyList<GapRow>?> FindGroupAsync(DashboardView view, string? key, SqlGapInbox inbox, QuestionGroups grouping, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(key) ? null : (await GroupsAsync(view, inbox, grouping, cancellationToken)).FirstOrDefault(g => g[0].Question == key);

    /// <summary>One entry per chat the group's questions came from, as a chat action there would be.</summary>
    private static async Task AuditAsync(DashboardAudit audit, DashboardView view, IReadOnlyList<GapRow> group, string action, string outcome, CancellationToken cancellationToken)
    {
        foreach (var chat in group.GroupBy(r => r.Chat))
        {
            var detail = $"\"{group[0].Question}\" ({chat.Count()} question{(chat.Count() == 1 ? string.Empty : "s")}) {outcome}".TrimEnd();
            await audit.RecordAsync(view.Session, chat.Key, action, detail, cancellationToken);
        }
    }
}
