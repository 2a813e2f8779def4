using LymphBot.Core.Sending;

namespace LymphBot.Core.Chat;

/// <summary>
/// A chat platform's adapter as the rest of the bot sends through it. It renders, paces and sends once, then says what
/// happened (<see cref="SendReport"/>); whoever owns the message (the turn for a reply, the outbox for a reminder)
/// decides whether to send again. <see cref="ChatPlatforms"/> routes a send to the right adapter.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The platform name used in <see cref="ChatAddress.Platform"/>, e.g. <c>telegram</c>.</summary>
    string Name { get; }

    /// <summary>
    /// A send repeated with the same <see cref="Reply.IdempotencyKey"/> is posted once (Discord's nonce), so a send
    /// whose outcome is <see cref="SendOutcome.Unknown"/> may be repeated; without it (Telegram) it never is.
    /// </summary>
    bool DeduplicatesRepeats { get; }

    /// <summary>One attempt: never retries, and reports a platform's refusal in the result rather than throwing.</summary>
    Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken);
}
