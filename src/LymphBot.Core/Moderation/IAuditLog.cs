using LymphBot.Core.Chat;

namespace LymphBot.Core.Moderation;

/// <summary>The audit log of moderator actions, per chat.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The most recent entries of a chat, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(ChatAddress chat, int count, CancellationToken cancellationToken);
}
