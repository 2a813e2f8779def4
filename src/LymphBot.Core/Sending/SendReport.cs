using LymphBot.Core.Chat;

namespace LymphBot.Core.Sending;

/// <summary>
/// The result of one attempt to send a reply: its outcome, in words for the log, and what it takes to go on. A reply
/// split over several messages stops at the first that failed; <see cref="PartsSent"/> says how many went before it,
/// so a later attempt starts after them.
/// </summary>
public sealed record SendReport(SendOutcome Outcome, string Detail = "", int PartsSent = 0)
{
    public static SendReport Done(int parts) => new(SendOutcome.Sent, string.Empty, parts);

    /// <summary>How long the platform asked us to wait (<see cref="SendOutcome.RateLimited"/>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The chat's new address (<see cref="SendOutcome.Moved"/>).</summary>
    public ChatAddress? MovedTo { get; init; }
}
