namespace LymphBot.Core.Sending;

/// <summary>
/// The one answer to "send again?", for every platform and every owner of a message (the turn for replies, the outbox
/// for reminders and tips). A repeat may only follow an attempt the platform surely did not take, or one the platform
/// de-duplicates: a 2xx is sent, and a timeout after the request left is never repeated where there is no
/// idempotency key. The owner applies the answer: the turn in memory, the outbox through its durable rows.
/// </summary>
public static class SendPolicy
{
    /// <summary>The first wait after a failure; it doubles with each attempt.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether and how to send again after <paramref name="report"/>, the result of sending <paramref name="request"/>
    /// in attempt number <paramref name="attempt"/> (1 for the first); <c>null</c>: stop.
    /// </summary>
    public static SendRetry? Next(SendReport report, SendRequest request, int attempt, bool deduplicatesRepeats, TimeSpan maxBackoff, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);

        // What went out before the failing part stays out; a repeat starts after it.
        var rest = request with { FromPart = request.FromPart + report.PartsSent };
        return report.Outcome switch
        {
            SendOutcome.RateLimited => new SendRetry(report.RetryAfter ?? FirstBackoff, rest, SpendsAttempt: false),
            SendOutcome.NotSent => new SendRetry(Backoff.Exponential(FirstBackoff, attempt, maxBackoff, jitter), rest, SpendsAttempt: true),
            SendOutcome.Unknown when deduplicatesRepeats => new SendRetry(Backoff.Exponential(FirstBackoff, attempt, maxBackoff, jitter), rest, SpendsAttempt: true),
            SendOutcome.Formatting when !request.Plain => new SendRetry(TimeSpan.Zero, rest with { Plain = true }, SpendsAttempt: false),
            SendOutcome.Moved when report.MovedTo is { } moved => new SendRetry(TimeSpan.Zero, rest, SpendsAttempt: false, moved),
            _ => null,
        };
    }
}
