namespace LymphBot.Core.Scheduling;

/// <summary>What happened to one claimed delivery; recorded for a whole batch at once.</summary>
public sealed record DeliveryOutcome(long Id, DeliveryState State, int Attempts, string? Reason, DateTimeOffset At, DateTimeOffset? RetryAt)
{
    /// <summary>The platform answered 429 and asked for this wait (<c>retry_after</c>): a wait, not a retry after an error.</summary>
    public TimeSpan? RateLimitWait { get; init; }
}
