using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Dashboard;

/// <summary>
/// Antiforgery as registered by <c>AddAntiforgery</c>, made on first use. WebApplication adds the antiforgery
/// middleware whenever the service is registered, and building the middleware at start built the whole chain behind
/// it: token serializer, data protection provider, key ring provider and XML key manager, with their assemblies
/// (XML among them). Only the dashboard's forms use it, so an idle bot never needs it; the middleware itself only
/// acts on endpoints with form metadata, which none of ours have (they check their token themselves).
/// </summary>
internal sealed class DeferredAntiforgery(Func<IAntiforgery> create) : IAntiforgery
{
    private readonly Lazy<IAntiforgery> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Replaces the registered <see cref="IAntiforgery"/> with one that builds the registered type on first use.</summary>
    public static void Defer(IServiceCollection services)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery)) is not { ImplementationType: { } type } registered)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(sp => new DeferredAntiforgery(() => (IAntiforgery)ActivatorUtilities.CreateInstance(sp, type)));
    }

    public bool IsCreated => _inner.IsValueCreated;

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => _inner.Value.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => _inner.Value.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => _inner.Value.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => _inner.Value.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => _inner.Value.SetCookieTokenAndHeader(httpContext);
}
