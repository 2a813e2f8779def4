namespace LymphBot.Core.Chat;

/// <summary>
/// Where a message goes: a platform, a chat on it and, for forum topics or threads, the thread.
/// Stored with everything the bot sends unprompted, so a reminder can find its way back.
/// </summary>
public sealed record ChatAddress(string Platform, string ChatId, string? ThreadId = null)
{
    public override string ToString() => ThreadId is null ? $"{Platform}:{ChatId}" : $"{Platform}:{ChatId}/{ThreadId}";
}
