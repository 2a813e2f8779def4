using LymphBot.Core.Chat;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Which unanswered questions a reader may see: those asked in one group chat, or those asked in private chats.
/// Questions are never pooled across groups, so a group's moderators cannot read what was asked elsewhere.
/// </summary>
public sealed record GapScope
{
    /// <summary>Private chats are stored under this id, not their own: a private chat's id is the member's id.</summary>
    public const string PrivateChatId = "";

    private GapScope(string? platform, string chatId)
    {
        Platform = platform;
        ChatId = chatId;
    }

    /// <summary>The platform of the group, or <c>null</c> for private chats on every platform.</summary>
    public string? Platform { get; }

    public string ChatId { get; }

    public static GapScope PrivateChats { get; } = new(null, PrivateChatId);

    public static GapScope Group(ChatAddress chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return new(chat.Platform, chat.ChatId);
    }

    /// <summary>Where a question asked in <paramref name="chat"/> is filed.</summary>
    public static GapScope Of(ChatAddress chat, ChatKind kind)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return kind == ChatKind.Direct ? new(chat.Platform, PrivateChatId) : Group(chat);
    }
}
