using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>One client connection to the stand-in gateway, driven by the test: say Hello, expect Identify, dispatch events, close.</summary>
public sealed class StandInGatewayConnection : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _clientClose = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(long At, JsonElement Frame)> _heartbeats = [];
    private readonly Lock _gate = new();

    internal StandInGatewayConnection(WebSocket socket, HttpContext context)
    {
        _socket = socket;
        _context = context;
        Path = context.Request.Path.Value ?? string.Empty;
        Query = context.Request.QueryString.Value ?? string.Empty;
    }

    public string Path { get; }

    public string Query { get; }

    /// <summary>Answer heartbeats with op 11 (turn off to make the client see a zombie connection).</summary>
    public bool AutoAck { get; set; } = true;

    /// <summary>When Hello was sent, from <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public long HelloSentAt { get; private set; }

    /// <summary>The close status the client sent, or null when it dropped the connection without one.</summary>
    public Task<WebSocketCloseStatus?> ClientClose => _clientClose.Task;

    public IReadOnlyList<(long At, JsonElement Frame)> Heartbeats
    {
        get
        {
            lock (_gate)
            {
                return [.. _heartbeats];
            }
        }
    }

    public async Task HelloAsync(int heartbeatIntervalMs)
    {
        HelloSentAt = Stopwatch.GetTimestamp();
        await SendAsync($$$"""{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":{{{heartbeatIntervalMs}}},"_trace":["stand-in"]}}""");
    }

    public Task DispatchAsync(string type, int sequence, string data) =>
        SendAsync(Payloads.Frame(type, sequence, data));

    public Task ReadyAsync(int sequence = 1, string sessionId = "session-1", string? resumeUrl = null) =>
        DispatchAsync("READY", sequence, Payloads.Ready(sessionId, resumeUrl));

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseAsync(int code, string reason = "stand-in")
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame: the client sees 1006.</summary>
    public void Abort() => _context.Abort();

    /// <summary>Waits for the next frame with this opcode; heartbeats and other frames on the way are skipped.</summary>
    public async Task<JsonElement> ExpectAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(cts.Token);
                if (frame.GetProperty("op").GetInt32() == op)
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The client sent no op {op} frame in time.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The connection ended before the client sent an op {op} frame.");
        }
    }

    public void Dispose() => _sendLock.Dispose();

    internal async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _clientClose.TrySetResult(result.CloseStatus);
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var frame = JsonDocument.Parse(message.ToArray()).RootElement;
                if (frame.GetProperty("op").GetInt32() == 1)
                {
                    lock (_gate)
                    {
                        _heartbeats.Add((Stopwatch.GetTimestamp(), frame));
                    }

                    if (AutoAck)
                    {
                        await SendAsync("""{"op":11}""");
                    }
                }

                _frames.Writer.TryWrite(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _clientClose.TrySetResult(null);
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
