using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;

namespace LymphBot.Dashboard;

/// <summary>
/// Writes what is done on the dashboard to the same audit log as the chat commands, under the same action names
/// (<c>tip approve</c>, <c>kb suggestions approve</c>, ...), with "via dashboard" at the end of the detail.
/// </summary>
public sealed class DashboardAudit(IAuditLog audit, TimeProvider time)
{
    public const string ViaDashboard = "via dashboard";

    /// <summary>What belongs to no one chat (suggested phrasings, which change answers everywhere) is filed under the
    /// actor's platform with the private chats' id, where the moderators who may decide it read it.</summary>
    public static ChatAddress NoChat(ChatUser member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new ChatAddress(member.Platform, GapScope.PrivateChatId);
    }

    public Task RecordAsync(DashboardSession session, ChatAddress chat, string action, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(chat);
        var shown = detail.Length > 200 ? detail[..200] + "…" : detail;
        var entry = new AuditEntry(chat with { ThreadId = null }, session.Member, action, $"{shown} {ViaDashboard}".TrimStart(), Allowed: true, time.GetUtcNow());
        return audit.RecordAsync(entry, cancellationToken);
    }
}
