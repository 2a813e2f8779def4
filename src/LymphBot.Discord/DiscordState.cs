namespace LymphBot.Discord;

public enum DiscordState
{
    /// <summary>The adapter has not connected yet.</summary>
    Starting,

    /// <summary>Connected and identified (READY or RESUMED received).</summary>
    Connected,

    /// <summary>The connection dropped; the adapter is resuming or identifying again.</summary>
    Reconnecting,

    /// <summary>Stopped for good (bad token, disallowed intents, shutdown); see <see cref="DiscordStatus.StopReason"/>.</summary>
    Stopped,
}
