namespace LymphBot.Dashboard;

/// <summary>
/// One platform's reminder deliveries that were due within a window (the last 24 hours or 7 days), counted by the
/// time each was first due. Lateness is from that time to when the platform took the message; <c>null</c> when nothing
/// was sent.
/// </summary>
public sealed record DeliveryWindow(
    long Due,
    long Sent,
    long OnTime,
    TimeSpan? P50Lateness,
    TimeSpan? P95Lateness,
    long Retries,
    long RateLimitWaits,
    TimeSpan RateLimitWaited,
    IReadOnlyList<FailureCount> Failures,
    long BecameUnreachable)
{
    public static DeliveryWindow Empty { get; } = new(0, 0, 0, null, null, 0, 0, TimeSpan.Zero, [], 0);

    public long Failed => Failures.Sum(f => f.Count);
}
