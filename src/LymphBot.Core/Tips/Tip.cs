using LymphBot.Core.Chat;

namespace LymphBot.Core.Tips;

/// <summary>
/// A tip. Seed tips (from <c>knowledge/tips.md</c>) belong to every chat and have no <see cref="Community"/>; tips
/// added or suggested in a chat belong to that chat, whose moderators look after them.
/// </summary>
public sealed record Tip(long Id, string Text, TipStatus Status, ChatAddress? Community, DateTimeOffset CreatedAt)
{
    /// <summary>Who suggested it, until they ask to be forgotten; <c>null</c> for moderators' and seed tips.</summary>
    public ChatUser? SuggestedBy { get; init; }

    /// <summary>The address the suggestion came from, so the suggester can be told the outcome.</summary>
    public ChatAddress? SuggestedIn { get; init; }
}
