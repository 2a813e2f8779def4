namespace LymphBot.Telegram;

/// <summary>
/// The Telegram adapter. Section <c>Telegram</c>; the adapter runs only when <see cref="Token"/> is set.
/// Validated at start by <see cref="TelegramOptionsValidator"/>.
/// </summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public const string OfficialApiBaseUrl = "https://api.telegram.org";

    /// <summary>The bot token from @BotFather (<c>123456789:AA…</c>). A secret: set it through the environment
    /// (<c>Telegram__Token</c>) or user-secrets, never in appsettings.json. Unset (the default) means no Telegram.</summary>
    public string? Token { get; set; }

    /// <summary>The Bot API server. Default <c>https://api.telegram.org</c>; tests point it at a stand-in on 127.0.0.1.</summary>
    public string ApiBaseUrl { get; set; } = OfficialApiBaseUrl;

    /// <summary><c>Polling</c> (default; one instance per bot) or <c>Webhook</c> (Telegram posts to <see cref="WebhookUrl"/>).</summary>
    public string Mode { get; set; } = nameof(TelegramMode.Polling);

    /// <summary>Public https URL Telegram posts updates to, in webhook mode. Kestrel serves the endpoint at this URL's
    /// path (default <c>/telegram/webhook</c> when the URL has no path).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: 1–256 characters of A-Z a-z 0-9 _ -; Telegram sends it in
    /// <c>X-Telegram-Bot-Api-Secret-Token</c>. A secret: environment or user-secrets only.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Messages per second over all chats. Default 30 (Telegram's broadcast limit).</summary>
    public int MessagesPerSecond { get; set; } = 30;

    /// <summary>Shortest gap between two messages to one chat. Default 1 s.</summary>
    public TimeSpan ChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages per minute to one group. Default 20.</summary>
    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Added to every pacing window so network jitter cannot push two sends into one window. Default 25 ms.</summary>
    public TimeSpan PacingMargin { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Nothing is sent for this long after start. A bot killed in a burst may have used the current second's
    /// cap, and the new process cannot know how much of it: holding one window keeps the cap in every sliding second
    /// across a restart. Default 1 s (Telegram's window); zero turns it off.</summary>
    public TimeSpan StartHold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>false</c> turns all pacing off; only for benchmarks against a stand-in server. Default <c>true</c>.</summary>
    public bool Pacing { get; set; } = true;

    /// <summary>First backoff after a failed Bot API call at start or while polling, doubled on each further one (capped at 1 minute). Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the answer to a member's message keeps being tried, counted from when the bot starts handling
    /// the message, while Telegram surely did not take it (no connection, 5xx, 429): a short outage delays answers instead
    /// of losing them. Past it the answer is dropped and logged. A timeout after the request left is never repeated: the
    /// message may have been posted, and Telegram has no idempotency key. Reminders have the outbox's retries. Default 2 minutes.</summary>
    public TimeSpan ReplyRetryWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one API call may take before it counts as a timeout. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Long-poll duration of one getUpdates call. Default 30 s.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest time from one getUpdates call to the next when the first brought nothing new. Telegram holds an
    /// empty long poll for <see cref="PollTimeout"/>, so this only matters with a short poll or a server that answers at
    /// once whatever <c>timeout</c> says (one made about 2,300 calls a second). Zero turns it off. Default 1 s.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Updates held in memory (received, not yet handled); intake pauses when full. Default 1000.</summary>
    public int MaxQueuedUpdates { get; set; } = 1000;

    internal TelegramMode ParsedMode =>
        Enum.TryParse<TelegramMode>(Mode, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : TelegramMode.Polling;

    /// <summary>The local path of the webhook endpoint, taken from <see cref="WebhookUrl"/>.</summary>
    internal string WebhookPath =>
        Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : "/telegram/webhook";
}
