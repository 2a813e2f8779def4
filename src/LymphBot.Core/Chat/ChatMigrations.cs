using Microsoft.Extensions.Logging;

namespace LymphBot.Core.Chat;

/// <summary>
/// A chat got a new id (a Telegram group upgraded to a supergroup): its reminders, tips and settings follow it, so
/// nothing the community set up is lost or left paused at the old id.
/// </summary>
public sealed partial class ChatMigrations(IChatMigrationStore store, ILogger<ChatMigrations> logger)
{
    public async Task MoveAsync(ChatAddress oldChat, ChatAddress newChat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oldChat);
        ArgumentNullException.ThrowIfNull(newChat);
        if (oldChat.Platform != newChat.Platform)
        {
            throw new ArgumentException($"A chat moves within its platform, not from {oldChat.Platform} to {newChat.Platform}.", nameof(newChat));
        }

        if (oldChat.ChatId == newChat.ChatId)
        {
            return;
        }

        var reminders = await store.MoveAsync(oldChat with { ThreadId = null }, newChat with { ThreadId = null }, cancellationToken);
        LogMoved(oldChat.ToString(), newChat.ToString(), reminders);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {From} is now {To}: moved its {Reminders} reminder(s), tips and settings")]
    private partial void LogMoved(string from, string to, int reminders);
}
