namespace LymphBot.Core.Chat;

/// <summary>Everything stored per chat, moved when the platform gives a chat a new id.</summary>
public interface IChatMigrationStore
{
    /// <summary>
    /// Moves the chat's reminders (with their pending deliveries), tips, tip rotation, audit log, unanswered questions
    /// and reachability from <paramref name="oldChat"/> to <paramref name="newChat"/>, in one transaction, and turns back on the
    /// reminders that were paused because the old chat could no longer be reached. Moving twice changes nothing.
    /// Returns how many reminders moved.
    /// </summary>
    Task<int> MoveAsync(ChatAddress oldChat, ChatAddress newChat, CancellationToken cancellationToken);
}
