using LymphBot.Core.Chat;
using LymphBot.Core.Dashboard;

namespace LymphBot.Dashboard;

/// <summary>A signed-in moderator or operator: who, what they may see, until when.</summary>
public sealed record DashboardSession(ChatUser Member, DashboardScope Scope, DateTimeOffset ExpiresAt);
