namespace LymphBot.Core.Sending;

/// <summary>
/// The one backoff: doubling from <c>first</c>, capped at <c>max</c>, less a random share (a fifth unless told) so many
/// senders or connections retrying together spread out instead of arriving in step.
/// </summary>
public static class Backoff
{
    public static TimeSpan Exponential(TimeSpan first, int attempt, TimeSpan max, Random? jitter = null, double jitterShare = 0.2)
    {
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(doubled, max.TotalMilliseconds);
        var spread = jitter is null ? 1.0 : 1.0 - (jitter.NextDouble() * Math.Clamp(jitterShare, 0, 1));
        return TimeSpan.FromMilliseconds(capped * spread);
    }
}
