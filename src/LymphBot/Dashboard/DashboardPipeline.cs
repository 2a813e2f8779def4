using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LymphBot.Dashboard;

/// <summary>
/// The dashboard's own routing, built on the first request under <c>/dashboard</c>. Its endpoints are minimal-API
/// handlers, whose request delegates are compiled from expression trees when a matcher first lists them; in the
/// app's shared routing that happened on the first <c>/readyz</c> probe, so every idle bot paid for pages nobody opened
/// (System.Linq.Expressions, the compiled delegates, the types behind them). A branch of its own keeps all of it out
/// of a process until someone signs in.
/// </summary>
internal sealed class DashboardPipeline(IApplicationBuilder app)
{
    public const string PathPrefix = "/dashboard";

    private readonly Lazy<RequestDelegate> _pipeline = new(() => Build(app.New()), LazyThreadSafetyMode.ExecutionAndPublication);

    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        context.Request.Path.StartsWithSegments(PathPrefix) ? _pipeline.Value(context) : next(context);

    private static RequestDelegate Build(IApplicationBuilder branch)
    {
        // A new builder has no routing of its own (WebApplication leaves its global route builder out of New()), so
        // these endpoints live in this branch only; a path under /dashboard that matches none of them ends in a 404.
        branch.UseRouting();
        branch.UseEndpoints(DashboardEndpoints.Map);
        return branch.Build();
    }
}
