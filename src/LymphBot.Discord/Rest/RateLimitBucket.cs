namespace LymphBot.Discord.Rest;

/// <summary>
/// One Discord bucket (hash + top-level resource id). Requests on a bucket go one at a time, so the headers of each
/// response are known before the next request decides whether to wait.
/// </summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left in the window, or <c>null</c> before the first response.</summary>
    public int? Remaining { get; set; }

    /// <summary>When the window resets (or a 429 pause ends).</summary>
    public DateTimeOffset ResetAt { get; set; }

    public DateTimeOffset LastUsed { get; set; }
}
