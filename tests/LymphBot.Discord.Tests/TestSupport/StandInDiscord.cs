using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>
/// A stand-in for Discord on 127.0.0.1: a WebSocket gateway at <c>/gateway</c> (and <c>/resume</c>) that the test
/// drives frame by frame, and a REST API at <c>/api/v10</c> that records requests and answers like Discord
/// (or as <see cref="Respond"/> says).
/// </summary>
public sealed class StandInDiscord : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;
    private readonly Channel<StandInGatewayConnection> _connections = Channel.CreateUnbounded<StandInGatewayConnection>();
    private readonly Channel<RecordedRequest> _requestFeed = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _connectionCount;

    private StandInDiscord(WebApplication app)
    {
        _app = app;
    }

    public Uri ApiUrl { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri ResumeUrl { get; private set; } = null!;

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answers a request; return null for the default answer.</summary>
    public Func<RecordedRequest, StandInResponse?>? Respond { get; set; }

    /// <summary>From now on, every request under <c>/channels/</c> fails with Discord's JSON error <paramref name="code"/>.</summary>
    public void RefuseChannelRequests(int status, int code, string message) =>
        Respond = r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)
            ? StandInResponse.Json(status, $$"""{"message": "{{message}}", "code": {{code}}}""")
            : null;

    public static async Task<StandInDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StandInDiscord(app);
        app.UseWebSockets();
        app.Run(context => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            ? standIn.HandleRestAsync(context)
            : standIn.AcceptGatewayAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        standIn.ApiUrl = new Uri($"http://127.0.0.1:{port}/api/v10");
        standIn.GatewayUrl = new Uri($"ws://127.0.0.1:{port}/gateway");
        standIn.ResumeUrl = new Uri($"ws://127.0.0.1:{port}/resume");
        return standIn;
    }

    public async Task<StandInGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _connections.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The client did not connect to the gateway in time.");
        }
    }

    /// <summary>Connects, says Hello, takes the Identify and sends READY: the usual start of a conversation test.</summary>
    public async Task<StandInGatewayConnection> AcceptIdentifiedAsync(int heartbeatIntervalMs = 45_000)
    {
        var connection = await NextConnectionAsync();
        await connection.HelloAsync(heartbeatIntervalMs);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync(resumeUrl: ResumeUrl.ToString());
        return connection;
    }

    /// <summary>Waits for the next request that matches (requests that do not match are passed over).</summary>
    public async Task<RecordedRequest> NextRequestAsync(Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var request = await _requestFeed.Reader.ReadAsync(cts.Token);
                if (match is null || match(request))
                {
                    return request;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No matching request arrived in time. Seen: " + string.Join(", ", _requests));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new StandInGatewayConnection(socket, context);
        Interlocked.Increment(ref _connectionCount);
        _connections.Writer.TryWrite(connection);
        await connection.RunAsync();
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? string.Empty;
        const string prefix = "/api/v10";
        if (path.StartsWith(prefix, StringComparison.Ordinal))
        {
            path = path[prefix.Length..];
        }

        var request = new RecordedRequest(
            context.Request.Method,
            path,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(),
            context.Request.ContentType,
            body,
            Stopwatch.GetTimestamp());
        _requests.Enqueue(request);
        _requestFeed.Writer.TryWrite(request);

        var response = Respond?.Invoke(request) ?? Default(request);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    private StandInResponse Default(RecordedRequest request)
    {
        var path = request.Path;
        return (request.Method, path) switch
        {
            ("GET", "/gateway/bot") => new(200, $$$"""{"url":"{{{GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}"""),
            ("POST", "/users/@me/channels") => new(200, $$$"""{"id":"dm-{{{request.Json.GetProperty("recipient_id").GetString()}}}","type":1}"""),
            ("POST", _) when path.StartsWith("/channels/", StringComparison.Ordinal) => new(200, """{"id":"1000"}"""),
            ("POST", _) when path.StartsWith("/interactions/", StringComparison.Ordinal) => new(204),
            ("POST", _) when path.StartsWith("/webhooks/", StringComparison.Ordinal) => new(200, """{"id":"1001"}"""),
            ("PATCH", _) when path.StartsWith("/webhooks/", StringComparison.Ordinal) => new(200, """{"id":"1002"}"""),
            ("DELETE", _) => new(204),
            ("PUT", _) when path.StartsWith("/applications/", StringComparison.Ordinal) => new(200, "[]"),
            _ => new(404, """{"message":"404: Not Found","code":0}"""),
        };
    }
}
