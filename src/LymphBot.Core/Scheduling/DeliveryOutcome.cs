namespace LymphBot.Core.Scheduling;

/// <summary>What happened to one claimed delivery; recorded for a whole batch at once.</summary>
public sealed record DeliveryOutcome(long Id, DeliveryState State, int Attempts, string? Reason, DateTimeOffset At, DateTimeOffset? RetryAt);
