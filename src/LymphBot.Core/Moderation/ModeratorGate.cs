using LymphBot.Core.Chat;

namespace LymphBot.Core.Moderation;

/// <summary>Checks that the sender moderates this chat and audits the attempt either way.</summary>
public sealed class ModeratorGate(Moderators moderators, IAuditLog audit, TimeProvider time)
{
    /// <summary><c>null</c> when allowed; otherwise the refusal to send. Refusals are audited here.</summary>
    public async Task<Reply?> RefuseUnlessModeratorAsync(IncomingMessage message, string action, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (moderators.IsModerator(message))
        {
            return null;
        }

        await RecordAsync(message, action, detail, allowed: false, cancellationToken);
        return Reply.Refusal("Only this chat's moderators can do that.");
    }

    /// <summary>
    /// Like <see cref="RefuseUnlessModeratorAsync"/>, but only the moderators named in configuration pass: for what
    /// reaches beyond one chat, which an administrator of some group must not see.
    /// </summary>
    public async Task<Reply?> RefuseUnlessConfiguredAsync(IncomingMessage message, string action, string detail, string refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (moderators.IsConfigured(message.Sender))
        {
            return null;
        }

        await RecordAsync(message, action, detail, allowed: false, cancellationToken);
        return Reply.Refusal(refusal);
    }

    public Task RecordAsync(IncomingMessage message, string action, string detail, bool allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var shown = detail.Length > 200 ? detail[..200] + "…" : detail;
        return audit.RecordAsync(new AuditEntry(message.Chat with { ThreadId = null }, message.Sender, action, shown, allowed, time.GetUtcNow()), cancellationToken);
    }
}
