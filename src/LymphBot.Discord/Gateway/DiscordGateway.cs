using System.Buffers;
using System.Collections.Frozen;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Gateway;

/// <summary>
/// The gateway connection: Hello, heartbeats with zombie detection, Identify or Resume, and a read loop that only
/// decodes envelopes and queues dispatches, so no handler can delay a heartbeat or an ACK.
/// </summary>
internal sealed partial class DiscordGateway
{
    private const string Query = "v=10&encoding=json";

    /// <summary>Dispatches the workers handle; others (GUILD_CREATE can be large) only advance the sequence.</summary>
    private static readonly FrozenSet<string> Handled = FrozenSet.Create(StringComparer.Ordinal, "READY", "MESSAGE_CREATE", "INTERACTION_CREATE");
    private static readonly TimeSpan ShutdownCloseTimeout = TimeSpan.FromSeconds(2);

    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly DiscordStatus _status;
    private readonly LymphBotMetrics _metrics;
    private readonly ILogger<DiscordGateway> _logger;
    private readonly Channel<GatewayEvent> _events = Channel.CreateUnbounded<GatewayEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private long _sequence = -1;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private BotIdentity? _identity;
    private int _connections;

    public DiscordGateway(IOptions<DiscordOptions> options, TimeProvider time, DiscordStatus status, LymphBotMetrics metrics, ILogger<DiscordGateway> logger)
    {
        _options = options.Value;
        _time = time;
        _status = status;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Dispatches in arrival order; the dispatcher drains it.</summary>
    public ChannelReader<GatewayEvent> Events => _events.Reader;

    public BotIdentity? Identity => Volatile.Read(ref _identity);

    /// <summary>The last sequence number received, or <c>null</c> before the first dispatch of a session.</summary>
    public int? Sequence => Interlocked.Read(ref _sequence) is var s and >= 0 ? (int)s : null;

    public string? SessionId => Volatile.Read(ref _sessionId);

    /// <summary>Connections opened so far (tests and diagnostics).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Runs connections until the host stops or a fatal close code stops the adapter.</summary>
    public async Task RunAsync(Uri gatewayUrl, CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested && !_status.IsStopped)
            {
                var resume = SessionId is not null && Sequence is not null;
                var url = resume ? _resumeUrl ?? gatewayUrl : gatewayUrl;
                Interlocked.Increment(ref _connections);
                var (outcome, reachedReady, closeCode) = await RunConnectionAsync(url, resume, cancellationToken);
                if (outcome == GatewayOutcome.Shutdown || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (outcome == GatewayOutcome.Fatal)
                {
                    var reason = GatewayCloseCodes.Describe(closeCode);
                    if (_status.Stop(reason))
                    {
                        LogStopped(reason);
                    }

                    break;
                }

                _status.Set(DiscordState.Reconnecting);
                failures = reachedReady ? 0 : failures + 1;
                TimeSpan delay;
                if (outcome == GatewayOutcome.Identify)
                {
                    ForgetSession();
                    delay = Between(_options.ReidentifyDelayMin, _options.ReidentifyDelayMax);
                }
                else
                {
                    // Half fixed, half random: spread reconnects after an outage without ever retrying in a tight loop.
                    delay = failures == 0 ? TimeSpan.Zero : Backoff.Exponential(_options.ReconnectDelayMin, failures, _options.ReconnectDelayMax, Random.Shared, jitterShare: 0.5);
                }

                var mode = outcome == GatewayOutcome.Identify || SessionId is null ? "identify" : "resume";
                _metrics.GatewayReconnects.Add(1, new KeyValuePair<string, object?>("platform", DiscordMapping.Platform), new KeyValuePair<string, object?>("mode", mode));
                LogReconnecting(mode, closeCode, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    internal static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = Query };
        return builder.Uri;
    }

    private static TimeSpan Between(TimeSpan min, TimeSpan max) =>
        min + ((max - min) * RandomNumberGenerator.GetInt32(0, 1_000_001) / 1_000_000d);

    private static async Task<bool> ReceiveFrameAsync(WebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    private void ForgetSession()
    {
        Volatile.Write(ref _sessionId, null);
        _resumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }

    private async Task<(GatewayOutcome Outcome, bool ReachedReady, int? CloseCode)> RunConnectionAsync(Uri url, bool resume, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(_status.StoppedToken);
        using var connection = new GatewayConnection(socket, new GatewaySendLimiter(_time));
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        Task heartbeat = Task.CompletedTask;
        var reachedReady = false;

        using var shutdown = cancellationToken.Register(() => _ = CloseOnShutdownAsync(connection, connectionCts));
        try
        {
            await socket.ConnectAsync(WithQuery(url), connectionCts.Token);
            while (true)
            {
                if (!await ReceiveFrameAsync(socket, buffer, connectionCts.Token))
                {
                    var code = (int?)socket.CloseStatus;
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return (GatewayOutcome.Shutdown, reachedReady, code);
                    }

                    LogClosed(code, socket.CloseStatusDescription);
                    await CloseForReconnectAsync(connection);
                    return (GatewayCloseCodes.Classify(code), reachedReady, code);
                }

                var frame = buffer.WrittenMemory;
                var header = GatewayFrameHeader.Read(frame.Span);
                switch (header.Op)
                {
                    case 0:
                        if (header.Sequence is { } sequence)
                        {
                            Interlocked.Exchange(ref _sequence, sequence);
                        }

                        if (header.Type == "READY")
                        {
                            OnReady(frame.Span);
                            reachedReady = true;
                        }
                        else if (header.Type == "RESUMED")
                        {
                            LogResumed(SessionId, Sequence);
                            CountSession("resumed");
                            _status.Set(DiscordState.Connected);
                            reachedReady = true;
                        }

                        if (header.Type is { } type && Handled.Contains(type))
                        {
                            _events.Writer.TryWrite(new GatewayEvent(type, header.Sequence, header.ChannelId, frame.ToArray(), _time.GetTimestamp()));
                        }

                        break;
                    case 1:
                        await SendHeartbeatAsync(connection, connectionCts.Token);
                        break;
                    case 7:
                        LogReconnectRequested();
                        await CloseForReconnectAsync(connection);
                        return (GatewayOutcome.Resume, reachedReady, null);
                    case 9:
                        LogInvalidSession(header.DataIsTrue);
                        await CloseForReconnectAsync(connection);
                        return (header.DataIsTrue ? GatewayOutcome.Resume : GatewayOutcome.Identify, reachedReady, null);
                    case 10:
                        var hello = JsonSerializer.Deserialize(frame.Span, DiscordJsonContext.Default.GatewayFrameHelloEvent);
                        var interval = TimeSpan.FromMilliseconds(Math.Max(1, hello?.D?.HeartbeatInterval ?? 41_250));
                        heartbeat = HeartbeatAsync(connection, interval, connectionCts);
                        await (resume ? SendResumeAsync(connection, connectionCts.Token) : SendIdentifyAsync(connection, connectionCts.Token));
                        break;
                    case 11:
                        connection.Acknowledged = true;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException or HttpRequestException or IOException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return (GatewayOutcome.Shutdown, reachedReady, null);
            }

            if (!connection.Zombie && !_status.IsStopped)
            {
                LogDropped(ex.GetType().Name, ex.Message);
            }

            socket.Abort();
            return (GatewayOutcome.Resume, reachedReady, null);
        }
        finally
        {
            await connectionCts.CancelAsync();
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
            }
            catch (WebSocketException)
            {
            }
        }
    }

    private void OnReady(ReadOnlySpan<byte> frame)
    {
        var ready = JsonSerializer.Deserialize(frame, DiscordJsonContext.Default.GatewayFrameReadyEvent)?.D
            ?? throw new JsonException("READY without data");
        Volatile.Write(ref _sessionId, ready.SessionId);
        _resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl) ? resumeUrl : null;
        var user = ready.User ?? new DiscordUser();
        Volatile.Write(ref _identity, new BotIdentity(user.Id, user.Username ?? "LymphBot", ready.Application?.Id ?? user.Id));
        _status.Set(DiscordState.Connected);
        LogReady(user.Username, user.Id, _options.ShardId, _options.ShardCount);
        CountSession("ready");
    }

    private void CountSession(string outcome) =>
        _metrics.GatewaySessions.Add(1, new KeyValuePair<string, object?>("platform", DiscordMapping.Platform), new KeyValuePair<string, object?>("outcome", outcome));

    private async Task HeartbeatAsync(GatewayConnection connection, TimeSpan interval, CancellationTokenSource connectionCts)
    {
        var token = connectionCts.Token;

        // A random first beat keeps every client from heartbeating in lock-step after an outage.
        await Task.Delay(interval * (RandomNumberGenerator.GetInt32(0, 1_000_000) / 1_000_000d), _time, token);
        while (!token.IsCancellationRequested)
        {
            if (!connection.Acknowledged)
            {
                connection.Zombie = true;
                LogZombie(interval.TotalMilliseconds);
                connection.Socket.Abort();
                await connectionCts.CancelAsync();
                return;
            }

            connection.Acknowledged = false;
            await SendHeartbeatAsync(connection, token);
            await Task.Delay(interval, _time, token);
        }
    }

    private Task SendHeartbeatAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var sequence = Sequence;
        var payload = sequence is { } s ? $"{{\"op\":1,\"d\":{s}}}" : "{\"op\":1,\"d\":null}";
        return connection.SendAsync(Encoding.UTF8.GetBytes(payload), heartbeat: true, cancellationToken);
    }

    private Task SendIdentifyAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var intents = GatewayIntents.For(_options);
        LogIdentifying(intents, _options.ShardId, _options.ShardCount);
        var payload = new GatewaySend<IdentifyPayload>
        {
            Op = 2,
            D = new IdentifyPayload
            {
                Token = _options.Token ?? string.Empty,
                Intents = intents,
                Properties = new IdentifyProperties(),
                Shard = [_options.ShardId, _options.ShardCount],
            },
        };
        return connection.SendAsync(JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJsonContext.Default.GatewaySendIdentifyPayload), heartbeat: false, cancellationToken);
    }

    private Task SendResumeAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var seq = Sequence ?? 0;
        LogResuming(SessionId, seq);
        var payload = new GatewaySend<ResumePayload>
        {
            Op = 6,
            D = new ResumePayload { Token = _options.Token ?? string.Empty, SessionId = SessionId ?? string.Empty, Seq = seq },
        };
        return connection.SendAsync(JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJsonContext.Default.GatewaySendResumePayload), heartbeat: false, cancellationToken);
    }

    /// <summary>Closes with 4900 (never 1000/1001, which would end the session) or aborts when that does not go through.</summary>
    private async Task CloseForReconnectAsync(GatewayConnection connection)
    {
        var socket = connection.Socket;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), _time);
            try
            {
                await connection.CloseAsync((WebSocketCloseStatus)4900, "reconnect", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                // Aborting below is just as good for a resume.
            }
        }

        socket.Abort();
    }

    private static async Task CloseOnShutdownAsync(GatewayConnection connection, CancellationTokenSource connectionCts)
    {
        try
        {
            connectionCts.CancelAfter(ShutdownCloseTimeout);
            if (connection.Socket.State == WebSocketState.Open)
            {
                await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutdown", connectionCts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The read loop sees the socket end either way.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: identifying with intents {Intents} as shard [{ShardId}, {ShardCount}]")]
    private partial void LogIdentifying(int intents, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resuming session {SessionId} at sequence {Sequence}")]
    private partial void LogResuming(string? sessionId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: ready as {Username} ({UserId}), shard [{ShardId}, {ShardCount}]")]
    private partial void LogReady(string? username, string userId, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resumed session {SessionId} at sequence {Sequence}")]
    private partial void LogResumed(string? sessionId, int? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: server asked us to reconnect (op 7)")]
    private partial void LogReconnectRequested();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: invalid session (resumable: {Resumable})")]
    private partial void LogInvalidSession(bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK within {IntervalMs} ms; the connection is dead, reconnecting")]
    private partial void LogZombie(double intervalMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: closed by the server with {Code} {Description}")]
    private partial void LogClosed(int? code, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: connection lost ({Error}: {Message})")]
    private partial void LogDropped(string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: reconnecting to {Mode} after close {Code} in {DelayMs:0} ms")]
    private partial void LogReconnecting(string mode, int? code, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord adapter stopped: {Reason}")]
    private partial void LogStopped(string reason);
}
