using LymphBot.Core.Chat;

namespace LymphBot.Discord;

/// <summary>
/// The adapter's health for the host's health endpoint: connected, reconnecting, or stopped with a reason.
/// A stopped adapter leaves the host running (other platforms, reminders and HTTP keep working).
/// </summary>
public sealed class DiscordStatus : IPlatformHealth, IDisposable
{
    private readonly CancellationTokenSource _stopped = new();
    private readonly Lock _gate = new();
    private DiscordState _state = DiscordState.Starting;
    private string? _stopReason;

    public DiscordState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Why the adapter stopped, in one line; <c>null</c> while it runs.</summary>
    public string? StopReason
    {
        get
        {
            lock (_gate)
            {
                return _stopReason;
            }
        }
    }

    public bool IsStopped => State == DiscordState.Stopped;

    public string Name => "discord";

    /// <summary>Cancelled when the adapter stops for good.</summary>
    internal CancellationToken StoppedToken => _stopped.Token;

    /// <summary>Raised after every change (tests wait on it instead of polling).</summary>
    internal event Action<DiscordState>? Changed;

    internal void Set(DiscordState state)
    {
        lock (_gate)
        {
            if (_state == DiscordState.Stopped || _state == state)
            {
                return;
            }

            _state = state;
        }

        Changed?.Invoke(state);
    }

    /// <summary>Stops the adapter; returns false when it had already stopped (so the reason is logged once).</summary>
    internal bool Stop(string reason)
    {
        lock (_gate)
        {
            if (_state == DiscordState.Stopped)
            {
                return false;
            }

            _state = DiscordState.Stopped;
            _stopReason = reason;
        }

        _stopped.Cancel();
        Changed?.Invoke(DiscordState.Stopped);
        return true;
    }

    public (bool Ready, string Detail) Check() => State switch
    {
        DiscordState.Connected => (true, "connected"),
        DiscordState.Stopped => (false, "stopped: " + (StopReason ?? "unknown reason")),
        var other => (false, other.ToString().ToLowerInvariant()),
    };

    public void Dispose() => _stopped.Dispose();
}
