using System.Net;
using LymphBot.Core.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LymphBot.Dashboard;

/// <summary>
/// The address a dashboard request came from, for the sign-in rate limit. Behind a reverse proxy the connection is
/// the proxy's, so <c>X-Forwarded-For</c> is read, but only from the proxies in <c>Dashboard:KnownProxies</c>: the
/// list is walked from its right end (what the nearest proxy saw) past known proxies, and the first address that
/// is not one is the client. Anything to its left was written by the client and could be anything.
/// </summary>
public sealed class ClientAddress(IOptions<DashboardOptions> options)
{
    private IPNetwork[]? _proxies;

    public string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return "unknown";
        }

        var proxies = _proxies ??= [.. options.Value.KnownProxies.Select(p => TryParseProxy(p, out var network) ? network : throw new InvalidOperationException(p))];
        var client = Normalise(peer);
        if (!IsProxy(client, proxies))
        {
            return client.ToString();
        }

        var forwarded = context.Request.Headers["X-Forwarded-For"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        for (var i = forwarded.Count - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(forwarded[i], out var hop))
            {
                // A hop that is no address: the chain cannot be followed past it, so the last proxy is what is known.
                break;
            }

            client = Normalise(hop);
            if (!IsProxy(client, proxies))
            {
                break;
            }
        }

        return client.ToString();
    }

    public static bool TryParseProxy(string text, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IPAddress.TryParse(text, out var address))
        {
            address = Normalise(address);
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }

    private static bool IsProxy(IPAddress address, IPNetwork[] proxies) => proxies.Any(p => p.Contains(address));

    /// <summary>Kestrel reports IPv4 peers on a dual-stack socket as <c>::ffff:a.b.c.d</c>; configured proxies are plain IPv4.</summary>
    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
