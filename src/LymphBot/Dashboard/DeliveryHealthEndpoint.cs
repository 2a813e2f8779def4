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

        // Closed hours come from what was added up before; only the last hours' rows are read (SqlDeliveryHealthQuery).
        var health = await query.LoadAsync(time.GetUtcNow(), cancellationToken);
        return DashboardRequests.Page(DeliveryHealthPage.Render(session, antiforgery.GetAndStoreTokens(context), health));
    }
}
