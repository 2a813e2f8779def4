namespace LymphBot.Core.Chat;

public enum ChatKind
{
    /// <summary>A one-to-one chat with the bot: every text is for the bot.</summary>
    Direct,

    /// <summary>A group, supergroup, server channel or thread: the bot speaks only when addressed.</summary>
    Group,
}
