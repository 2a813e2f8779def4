using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Bench;

/// <summary>
/// A gateway on 127.0.0.1: Hello, wait for Identify, READY, then send the prepared frames as fast as the socket
/// takes them (or none, to hold idle connections for the memory run). Heartbeats are acknowledged.
/// </summary>
internal sealed class LoopbackGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ready;

    private LoopbackGateway(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    public byte[][] Frames { get; set; } = [];

    public int ReadyConnections => Volatile.Read(ref _ready);

    public static async Task<LoopbackGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new LoopbackGateway(app);
        app.UseWebSockets();
        app.Run(gateway.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Url = new Uri($"ws://127.0.0.1:{new Uri(address).Port}/gateway");
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<JsonElement?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(message.ToArray()).RootElement;
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var token = context.RequestAborted;
        var buffer = new byte[16 * 1024];
        using var sendLock = new SemaphoreSlim(1, 1);
        await socket.SendAsync(BenchFrames.Hello(45_000), WebSocketMessageType.Text, true, token);
        while (await ReceiveAsync(socket, buffer, token) is { } frame && frame.GetProperty("op").GetInt32() != 2)
        {
        }

        await socket.SendAsync(BenchFrames.Ready(), WebSocketMessageType.Text, true, token);
        Interlocked.Increment(ref _ready);

        var acks = Task.Run(
            async () =>
            {
                var ackBuffer = new byte[16 * 1024];
                while (await ReceiveAsync(socket, ackBuffer, token) is { } frame)
                {
                    if (frame.GetProperty("op").GetInt32() == 1)
                    {
                        await sendLock.WaitAsync(token);
                        try
                        {
                            await socket.SendAsync("""{"op":11}"""u8.ToArray(), WebSocketMessageType.Text, true, token);
                        }
                        finally
                        {
                            sendLock.Release();
                        }
                    }
                }
            },
            token);

        foreach (var frame in Frames)
        {
            await sendLock.WaitAsync(token);
            try
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, token);
            }
            finally
            {
                sendLock.Release();
            }
        }

        try
        {
            await acks;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            // The client went away.
        }
    }
}
