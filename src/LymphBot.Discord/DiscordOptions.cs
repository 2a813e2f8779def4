namespace LymphBot.Discord;

/// <summary>The Discord adapter. Section <c>Discord</c>; the adapter runs only when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token (environment <c>Discord__Token</c> or user-secrets, never appsettings.json). Unset = adapter off.</summary>
    public string? Token { get; set; }

    /// <summary>REST base URL including the version. Default <c>https://discord.com/api/v10</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>Gateway URL. Default: unset, asked from <c>GET /gateway/bot</c> at start.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Guilds whose slash commands are registered per guild (instant updates). Empty (default) = global commands.</summary>
    public IList<string> GuildIds { get; } = [];

    /// <summary>Request the privileged MESSAGE_CONTENT intent, enabling <c>!ask …</c> prefix commands in servers. Default false.</summary>
    public bool MessageContent { get; set; }

    /// <summary>This process's shard. Default 0.</summary>
    public int ShardId { get; set; }

    /// <summary>Total number of shards. Default 1 (unsharded).</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>
    /// How long an interaction may wait for its reply before it is deferred ("thinking…") and edited later.
    /// Discord allows 3 s for the first response. Default 1.5 s.
    /// </summary>
    public TimeSpan InteractionAnswerBudget { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Shortest random wait before identifying afresh after an invalid session. Default 1 s.</summary>
    public TimeSpan ReidentifyDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest random wait before identifying afresh after an invalid session. Default 5 s.</summary>
    public TimeSpan ReidentifyDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect backoff step after a failed connection; doubles per failure, jittered. Default 1 s.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Reconnect backoff cap. Default 60 s.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Requests per second across all routes (Discord's global limit, 50 unless Discord raised it for this bot).
    /// Default 50.
    /// </summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Longest rate-limit wait a send sits out before giving up with a retry-after for the caller. Default 60 s.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the answer to a member's message keeps being tried while Discord did not take it or may not have (each
    /// repeat carries the same nonce, so it is posted once). Default 2 minutes.
    /// </summary>
    public TimeSpan ReplyRetryWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages handled at once across channels (each channel is handled in order). Default 32.</summary>
    public int MaxConcurrentHandlers { get; set; } = 32;
}
