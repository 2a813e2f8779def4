namespace LymphBot.Core.Chat;

/// <summary>
/// What the adapter learned from the platform about the sender in this chat. Core decides what these
/// facts mean (for example who is a moderator); adapters only report them.
/// </summary>
public sealed record SenderFacts(bool IsChatAdministrator, IReadOnlyList<string> RoleIds)
{
    public static SenderFacts None { get; } = new(false, []);
}
