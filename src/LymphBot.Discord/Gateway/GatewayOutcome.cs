namespace LymphBot.Discord.Gateway;

/// <summary>What to do after a connection ends.</summary>
internal enum GatewayOutcome
{
    /// <summary>Reconnect to the resume URL and send Resume with the session and last sequence.</summary>
    Resume,

    /// <summary>The session is gone: wait a little, connect to the gateway URL and Identify.</summary>
    Identify,

    /// <summary>Retrying cannot help (bad token, disallowed intents, ...): stop the adapter.</summary>
    Fatal,

    /// <summary>The host is shutting down.</summary>
    Shutdown,
}
