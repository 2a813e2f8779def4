using LymphBot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace LymphBot.Dashboard;

/// <summary><c>GET /dashboard/delivery</c>: delivery health, for operators; a moderator's session gets 403.</summary>
internal static class DeliveryHealthEndpoint
{
    public static async Task<IResult> ShowAsync(
        HttpContext context,
        DashboardSignIn signIn,
        SqlDeliveryHealthQuery query,
        IAntiforgery antiforgery,
        TimeProvider time,
        VersionedCache<DeliveryHealth> cache,
        CancellationToken cancellationToken)
    {
        if (await DashboardRequests.SessionAsync(context, signIn, cancellationToken) is not { } session)
        {
            return DashboardRequests.Page(DashboardPages.NotSignedIn(), StatusCodes.Status401Unauthorized);
        }

        if (!session.Scope.AllChats)
        {
            return DashboardRequests.Page(DeliveryHealthPage.OperatorsOnly(), StatusCodes.Status403Forbidden);
        }

        // One view for every operator; the page says "as of" the time its figures were read.
        var health = await cache.GetAsync(string.Empty, DashboardVersions.Deliveries, null, ct => query.LoadAsync(time.GetUtcNow(), ct), cancellationToken);
        return DashboardRequests.Page(DeliveryHealthPage.Render(session, antiforgery.GetAndStoreTokens(context), health));
    }
}
