using LymphBot.Core.Chat;

namespace LymphBot.Core.Users;

/// <summary>Durable member settings.</summary>
public interface IChatUserStore
{
    /// <summary>Returns the member's settings, creating them (created at <paramref name="now"/>) on first contact.</summary>
    Task<ChatUserSettings> EnsureAsync(ChatUser user, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ChatUserSettings?> FindAsync(ChatUser user, CancellationToken cancellationToken);

    Task SaveAsync(ChatUserSettings settings, CancellationToken cancellationToken);
}
