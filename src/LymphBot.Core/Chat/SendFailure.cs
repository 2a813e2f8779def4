namespace LymphBot.Core.Chat;

public enum SendFailure
{
    /// <summary>Network faults, timeouts, server errors: try again with backoff.</summary>
    Transient,

    /// <summary>The platform asked us to slow down; wait <see cref="ChatSendException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The chat cannot be reached (bot blocked, removed, DMs closed, chat gone): do not retry.</summary>
    Unreachable,

    /// <summary>The platform rejected the content itself; retrying the same content will not help.</summary>
    Rejected,
}
