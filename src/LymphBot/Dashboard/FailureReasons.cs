using LymphBot.Core.Sending;

namespace LymphBot.Dashboard;

/// <summary>
/// Sorts a failed delivery's stored reason into a few kinds an operator can act on. The stored reason is the
/// outcome and the platform's own words (<c>NotSent: connection refused</c>, <c>chat unreachable: Forbidden: bot was
/// blocked by the user</c>); the words vary by chat and add nothing to a count, so only the kind is shown.
/// </summary>
public static class FailureReasons
{
    public const string Missed = "missed: the bot was down past the grace time";
    public const string Unreachable = "chat unreachable (blocked, removed, gone)";

    public static string Categorise(string state, string? reason)
    {
        if (state == "Missed")
        {
            return Missed;
        }

        if (reason is null)
        {
            return "failed, no reason stored";
        }

        if (reason.StartsWith("chat unreachable", StringComparison.Ordinal))
        {
            return Unreachable;
        }

        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return Enum.TryParse<SendOutcome>(colon > 0 ? reason[..colon] : reason, out var outcome)
            ? outcome switch
            {
                SendOutcome.NotSent => "not sent: network or server error, attempts used up",
                SendOutcome.Unknown => "no answer from the platform, attempts used up",
                SendOutcome.Rejected => "rejected by the platform",
                SendOutcome.Unreachable => Unreachable,
                SendOutcome.RateLimited => "rate-limited",
                SendOutcome.Formatting => "formatting refused",
                SendOutcome.Moved => "chat moved",
                _ => "other",
            }
            : "other";
    }
}
