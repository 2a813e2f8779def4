using LymphBot.Core.Chat;
using LymphBot.Core.Dashboard;
using LymphBot.Http;
using LymphBot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LymphBot.Dashboard;

/// <summary>
/// Issues sign-in links (10 minutes, once) and turns a redeemed one into a session (12 hours). Tokens are 256 random
/// bits; only their SHA-256 hashes are stored.
/// </summary>
public sealed class DashboardSignIn(
    SqlDashboardStore store,
    IOptions<DashboardOptions> options,
    IOptions<HttpOptions> http,
    IServer server,
    TimeProvider time) : IDashboardSignIn
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    public const string SignInPath = "/dashboard/sign-in";

    public async Task<Uri> IssueLinkAsync(ChatUser member, DashboardScope scope, CancellationToken cancellationToken)
    {
        var token = DashboardTokens.New();
        var now = time.GetUtcNow();
        await store.AddLinkAsync(DashboardTokens.Hash(token), member, scope, now, now + LinkLifetime, cancellationToken);
        return new Uri($"{PublicBase()}{SignInPath}?token={token}");
    }

    /// <summary>Who the link is for, while it can still be used; the link stays unused.</summary>
    public Task<DashboardSession?> PeekAsync(string? token, CancellationToken cancellationToken) =>
        DashboardTokens.LooksValid(token)
            ? store.PeekLinkAsync(DashboardTokens.Hash(token!), time.GetUtcNow(), cancellationToken)
            : Task.FromResult<DashboardSession?>(null);

    /// <summary>Uses the link and starts a session: its token for the cookie, or <c>null</c> for an expired, used or forged link.</summary>
    public async Task<(string Token, DashboardSession Session)?> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        if (!DashboardTokens.LooksValid(token))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (await store.RedeemLinkAsync(DashboardTokens.Hash(token!), now, cancellationToken) is not { } holder)
        {
            return null;
        }

        var session = holder with { ExpiresAt = now + SessionLifetime };
        var sessionToken = DashboardTokens.New();
        await store.AddSessionAsync(DashboardTokens.Hash(sessionToken), session, now, cancellationToken);
        return (sessionToken, session);
    }

    public Task<DashboardSession?> FindSessionAsync(string? sessionToken, CancellationToken cancellationToken) =>
        DashboardTokens.LooksValid(sessionToken)
            ? store.FindSessionAsync(DashboardTokens.Hash(sessionToken!), time.GetUtcNow(), cancellationToken)
            : Task.FromResult<DashboardSession?>(null);

    public Task EndSessionAsync(string sessionToken, CancellationToken cancellationToken) =>
        store.DeleteSessionAsync(DashboardTokens.Hash(sessionToken), cancellationToken);

    /// <summary>Links are built on <c>Dashboard:PublicUrl</c>, else the first <c>Http:Urls</c>, with the bound port when that says 0.</summary>
    public string PublicBase()
    {
        if (options.Value.PublicUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var first = http.Value.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? HttpOptions.DefaultUrls;
        if (Uri.TryCreate(first, UriKind.Absolute, out var uri) && uri.Port != 0)
        {
            return first.TrimEnd('/');
        }

        return server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? first.TrimEnd('/');
    }
}
