using LymphBot.Core.Chat;

namespace LymphBot.Core.Moderation;

/// <summary>One moderator action, allowed or refused: who, what, where, when.</summary>
public sealed record AuditEntry(ChatAddress Chat, ChatUser? Actor, string Action, string Detail, bool Allowed, DateTimeOffset At);
