using LymphBot.Core.Chat;

namespace LymphBot.Telegram;

/// <summary>
/// The adapter's readiness for the host's <c>/readyz</c>: ready once Telegram knows the bot (getMe) and updates can
/// arrive (the webhook is registered, or long polling answers); not ready, with the last error, while a start call or
/// polling keeps failing, while the polling loop restarts after a failure of its own, and for good once the receiver
/// has stopped.
/// </summary>
public sealed class TelegramStatus : IPlatformHealth
{
    private readonly Lock _gate = new();
    private (bool Ready, string Detail) _state = (false, "starting");

    public string Name => "telegram";

    public (bool Ready, string Detail) Check()
    {
        lock (_gate)
        {
            return _state;
        }
    }

    internal void Connected(TelegramMode mode) => Set(true, mode == TelegramMode.Webhook ? "connected (webhook)" : "connected (polling)");

    internal void Failing(string call, string error, int failures) =>
        Set(false, $"{call} failing ({failures} time{(failures == 1 ? string.Empty : "s")}): {error}");

    /// <summary>The receiver has ended for good: nothing will be read until the bot restarts.</summary>
    internal void Stopped(string error) => Set(false, $"stopped: {error}");

    private void Set(bool ready, string detail)
    {
        lock (_gate)
        {
            _state = (ready, detail);
        }
    }
}
