namespace LymphBot.Core.Sending;

/// <summary>What one attempt to send did, as far as the platform's answer (or its absence) tells.</summary>
public enum SendOutcome
{
    /// <summary>The platform took it (a 2xx, even one whose body the client could not read).</summary>
    Sent,

    /// <summary>The platform asked us to slow down and did not take it; try again after <see cref="SendReport.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The platform surely did not take it: no connection, a name that did not resolve, a 5xx for a request it refused.</summary>
    NotSent,

    /// <summary>The request left but no answer came (a timeout, a connection cut mid-way): it may have been posted.</summary>
    Unknown,

    /// <summary>The chat cannot be reached (bot blocked or removed, DMs closed, chat gone): sending again cannot help.</summary>
    Unreachable,

    /// <summary>The chat has a new id (a Telegram group upgraded to a supergroup), given in <see cref="SendReport.MovedTo"/>.</summary>
    Moved,

    /// <summary>The platform could not read the formatting; the same text without it will go through.</summary>
    Formatting,

    /// <summary>The platform rejected the content itself; sending it again will not help.</summary>
    Rejected,
}
