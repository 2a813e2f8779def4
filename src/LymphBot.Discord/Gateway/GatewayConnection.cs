using System.Net.WebSockets;

namespace LymphBot.Discord.Gateway;

/// <summary>
/// One socket and its per-connection state. <see cref="ClientWebSocket"/> allows one send at a time, so every
/// send (heartbeat, identify, resume, close) goes through <see cref="SendAsync"/>'s lock and the 120/60 s limiter.
/// </summary>
internal sealed class GatewayConnection(ClientWebSocket socket, GatewaySendLimiter limiter) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;

    public ClientWebSocket Socket { get; } = socket;

    /// <summary>The last heartbeat was acknowledged (true before the first one).</summary>
    public bool Acknowledged
    {
        get => _acknowledged;
        set => _acknowledged = value;
    }

    /// <summary>The heartbeat found the connection dead and aborted it.</summary>
    public bool Zombie
    {
        get => _zombie;
        set => _zombie = value;
    }

    public async Task SendAsync(ReadOnlyMemory<byte> payload, bool heartbeat, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(heartbeat, cancellationToken);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await Socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await Socket.CloseOutputAsync(status, description, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
