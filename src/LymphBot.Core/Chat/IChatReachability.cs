namespace LymphBot.Core.Chat;

/// <summary>
/// Adapters report what the platform told them about a chat: the bot was blocked, removed or the chat is gone
/// (unreachable), or it was added back (reachable). Reminders and scheduled posts to an unreachable chat pause
/// instead of being retried forever.
/// </summary>
public interface IChatReachability
{
    Task ReportUnreachableAsync(ChatAddress chat, string reason, CancellationToken cancellationToken);

    Task ReportReachableAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>The reason the chat is unreachable, or <c>null</c> when it is reachable as far as we know.</summary>
    Task<string?> FindUnreachableReasonAsync(ChatAddress chat, CancellationToken cancellationToken);
}
