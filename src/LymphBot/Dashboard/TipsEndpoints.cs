using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tips;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LymphBot.Dashboard;

/// <summary>
/// Tips of one group chat: the review queue (approve, or reject with an optional reason for the suggester), the
/// chat's own tips, and its tip of the day with the next seven posts. Decisions go through <see cref="TipReview"/>,
/// as <c>/tip approve|reject</c> do, so the suggester hears the outcome either way.
/// </summary>
internal static class TipsEndpoints
{
    public const string Path = "/dashboard/tips";

    public static void Map(RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/tips", ShowAsync);
        dashboard.MapPost("/tips/decide", DecideAsync);
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context,
        string? chat,
        string? done,
        DashboardSignIn signIn,
        ITipStore tips,
        TipBoard board,
        IReminderStore reminders,
        IAntiforgery antiforgery,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (view, denied) = await DashboardRequests.ViewAsync(context, signIn, chat, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        var forgery = antiforgery.GetAndStoreTokens(context);
        if (Community(view) is not { } community)
        {
            return DashboardRequests.Page(TipsPage.Render(view, forgery, null, done));
        }

        var queue = await tips.ListAsync(community, TipStatus.Pending, cancellationToken);
        var own = await tips.ListAsync(community, TipStatus.Approved, cancellationToken);
        var pool = await board.PoolAsync(community, cancellationToken);
        var posted = await tips.PostedAsync(community, cancellationToken);
        var daily = await reminders.FindTipOfTheDayAsync(community, cancellationToken);
        var next = daily is null ? [] : daily.Schedule.Next(time.GetUtcNow(), TimeZones.Find(daily.TimeZone), TipsPage.NextPosts);
        var figures = new TipsFigures(community, queue, own, pool.Count, pool.Count(p => !posted.Contains(p.Key)), daily, next);
        return DashboardRequests.Page(TipsPage.Render(view, forgery, figures, done));
    }

    private static async Task<IResult> DecideAsync(
        HttpContext context, DashboardSignIn signIn, TipReview review, DashboardAudit audit, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (view, form, denied) = await DashboardRequests.ChangeAsync(context, signIn, antiforgery, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        var decision = form!["decision"].ToString();
        if (Community(view) is not { } community || decision is not ("approve" or "reject") || !long.TryParse(form["id"], CultureInfo.InvariantCulture, out var id))
        {
            return DashboardRequests.BackTo(context, Path, view, TipsPage.Gone);
        }

        var reason = form["reason"].ToString().Trim() is { Length: > 0 } given ? given[..Math.Min(given.Length, 300)] : null;
        var approve = decision == "approve";
        if (await review.DecideAsync(community, id, approve, approve ? null : reason, cancellationToken) is null)
        {
            return DashboardRequests.BackTo(context, Path, view, TipsPage.Gone);
        }

        var detail = reason is null || approve ? id.ToString(CultureInfo.InvariantCulture) : $"{id} {reason}";
        await audit.RecordAsync(view.Session, community, "tip " + decision, detail, cancellationToken);
        return DashboardRequests.BackTo(context, Path, view, approve ? TipsPage.Approved : TipsPage.Rejected);
    }

    /// <summary>The group whose tips are shown: the one chosen, or the moderator's only one.</summary>
    private static ChatAddress? Community(DashboardView view) =>
        view.Chat ?? (view.PrivateOnly || view.Session.Scope.Chats.Count != 1 ? null : view.Session.Scope.Chats[0]);
}
