using LymphBot.Core.Chat;

namespace LymphBot.Telegram.Mapping;

/// <summary>What a <c>my_chat_member</c> update says about a chat: the bot can (or can no longer) post there.</summary>
public sealed record ReachabilityChange(ChatAddress Chat, bool Reachable, string Reason);
