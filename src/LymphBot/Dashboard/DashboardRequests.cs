using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace LymphBot.Dashboard;

/// <summary>
/// The checks every page runs, in one order: a live session (401), for a change its antiforgery token (400), then the
/// chat asked for against the session's scope (403, with no data). A change answers with a redirect back to the page
/// (post, redirect, get), so it works without JavaScript and a reload does not repeat it.
/// </summary>
internal static class DashboardRequests
{
    public static async Task<(DashboardView? View, IResult? Denied)> ViewAsync(HttpContext context, DashboardSignIn signIn, string? chat, CancellationToken cancellationToken)
    {
        if (await SessionAsync(context, signIn, cancellationToken) is not { } session)
        {
            return (null, Page(DashboardPages.NotSignedIn(), StatusCodes.Status401Unauthorized));
        }

        return DashboardView.For(session, chat) is { } view ? (view, null) : (null, Page(DashboardPages.Forbidden(), StatusCodes.Status403Forbidden));
    }

    /// <summary>A state-changing form: checked like a page, plus its antiforgery token, with the chat read from the form.</summary>
    public static async Task<(DashboardView? View, IFormCollection? Form, IResult? Denied)> ChangeAsync(
        HttpContext context, DashboardSignIn signIn, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await SessionAsync(context, signIn, cancellationToken) is not { } session)
        {
            return (null, null, Page(DashboardPages.NotSignedIn(), StatusCodes.Status401Unauthorized));
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return (null, null, FormRejected());
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        return DashboardView.For(session, form["chat"]) is { } view
            ? (view, form, null)
            : (null, null, Page(DashboardPages.Forbidden(), StatusCodes.Status403Forbidden));
    }

    public static Task<DashboardSession?> SessionAsync(HttpContext context, DashboardSignIn signIn, CancellationToken cancellationToken) =>
        signIn.FindSessionAsync(context.Request.Cookies[DashboardHosting.SessionCookie], cancellationToken);

    /// <summary>303 to a page of the dashboard, with a one-line outcome the page shows.</summary>
    public static IResult BackTo(HttpContext context, string path, DashboardView view, string outcome)
    {
        var query = view.Query;
        context.Response.Headers.Location = $"{path}{(query.Length == 0 ? "?" : query + "&")}done={Uri.EscapeDataString(outcome)}";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    public static IResult FormRejected() =>
        Results.Content("This form was not sent from the dashboard, or it is too old. Go back, reload the page and try again.", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);

    public static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
