using LymphBot.Core.Chat;
using LymphBot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LymphBot.Dashboard;

/// <summary>
/// The dashboard's endpoints. Signing in is two steps: GET shows the link's holder and a button, POST uses the link,
/// so a link preview that fetches the URL cannot use it up. Every page past sign-in checks the session cookie and
/// that the chat asked for is in the session's scope (403 otherwise); every POST checks its antiforgery token.
/// </summary>
internal static class DashboardEndpoints
{
    // No script may run (there is none), styles only inline, forms post only here, no framing, no referrer with a token in it.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup(DashboardPipeline.PathPrefix).AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // What antiforgery sets on any response that carries its cookie; anything else it overrides, with a warning
            // in the log on every page view.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
            return await next(context);
        });
        dashboard.MapGet("/sign-in", ShowSignInAsync);
        dashboard.MapPost("/sign-in", SignInAsync);
        dashboard.MapGet(string.Empty, OverviewAsync);
        dashboard.MapPost("/sign-out", SignOutAsync);
        dashboard.MapGet("/delivery", DeliveryHealthEndpoint.ShowAsync);
        GapsEndpoints.Map(dashboard);
        TipsEndpoints.Map(dashboard);
        AuditEndpoints.Map(dashboard);
    }

    private static async Task<IResult> ShowSignInAsync(HttpContext context, string? token, DashboardSignIn signIn, SignInRateLimiter limiter, ClientAddress client, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(client.Of(context)))
        {
            return Page(DashboardPages.TooManyAttempts(), StatusCodes.Status429TooManyRequests);
        }

        return await signIn.PeekAsync(token, cancellationToken) is { } holder
            ? Page(DashboardPages.SignInConfirm(holder.Member, token!, antiforgery.GetAndStoreTokens(context)))
            : Page(DashboardPages.LinkExpired(), StatusCodes.Status410Gone);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, DashboardSignIn signIn, SignInRateLimiter limiter, ClientAddress client, IAntiforgery antiforgery, DashboardAudit audit, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(client.Of(context)))
        {
            return Page(DashboardPages.TooManyAttempts(), StatusCodes.Status429TooManyRequests);
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return DashboardRequests.FormRejected();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (await signIn.RedeemAsync(form["token"], cancellationToken) is not { } redeemed)
        {
            return Page(DashboardPages.LinkExpired(), StatusCodes.Status410Gone);
        }

        context.Response.Cookies.Append(DashboardHosting.SessionCookie, redeemed.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps || signIn.PublicBase().StartsWith("https:", StringComparison.OrdinalIgnoreCase),
            Path = "/dashboard",
            MaxAge = DashboardSignIn.SessionLifetime,
            IsEssential = true,
        });

        // Audited where the session can look: under each group it covers, else under no chat (private chats, operators).
        var session = redeemed.Session;
        foreach (var chat in session.Scope.Chats.DefaultIfEmpty(DashboardAudit.NoChat(session.Member)))
        {
            await audit.RecordAsync(session, chat, "dashboard sign-in", session.Scope.AllChats ? "operator" : "moderator", cancellationToken);
        }

        // Post, redirect, get: reloading the page does not send the used link again.
        context.Response.Headers.Location = "/dashboard";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static async Task<IResult> OverviewAsync(
        HttpContext context, string? chat, DashboardSignIn signIn, SqlOverviewQuery overview, IAntiforgery antiforgery, TimeProvider time, CancellationToken cancellationToken)
    {
        var (view, denied) = await DashboardRequests.ViewAsync(context, signIn, chat, cancellationToken);

        // The Overview counts group chats; the private-chat questions have their own page.
        if (view is null || view.PrivateOnly)
        {
            return denied ?? Page(DashboardPages.Forbidden(), StatusCodes.Status403Forbidden);
        }

        var selected = view.Chat;
        var session = view.Session;
        IReadOnlyList<ChatAddress>? chats = selected is not null ? [selected] : session.Scope.AllChats ? null : session.Scope.Chats;
        var figures = await overview.LoadAsync(chats, time.GetUtcNow(), cancellationToken);
        return Page(DashboardPages.Overview(session, antiforgery.GetAndStoreTokens(context), selected, figures));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, DashboardSignIn signIn, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await DashboardRequests.SessionAsync(context, signIn, cancellationToken) is null)
        {
            return Page(DashboardPages.NotSignedIn(), StatusCodes.Status401Unauthorized);
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return DashboardRequests.FormRejected();
        }

        await signIn.EndSessionAsync(context.Request.Cookies[DashboardHosting.SessionCookie]!, cancellationToken);
        context.Response.Cookies.Delete(DashboardHosting.SessionCookie, new CookieOptions { Path = "/dashboard" });
        return Page(DashboardPages.SignedOut());
    }

    private static IResult Page(string html, int status = StatusCodes.Status200OK) => DashboardRequests.Page(html, status);
}
