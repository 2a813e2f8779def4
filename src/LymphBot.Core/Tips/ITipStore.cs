using LymphBot.Core.Chat;

namespace LymphBot.Core.Tips;

/// <summary>Tips, per community (chat) plus the shared seed pool.</summary>
public interface ITipStore
{
    /// <summary>Adds a tip; returns the existing tip instead when the same text (normalised) is already in this community.</summary>
    Task<(Tip Tip, bool Added)> AddAsync(Tip tip, string normalizedText, CancellationToken cancellationToken);

    Task<Tip?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Tips of a community (and the seed pool) with the given status, oldest first.</summary>
    Task<IReadOnlyList<Tip>> ListAsync(ChatAddress community, TipStatus status, CancellationToken cancellationToken);

    Task SetStatusAsync(long id, TipStatus status, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Keys (<see cref="TipBoard.KeyOf"/>) of the tips already posted in a chat since its rotation last started over.</summary>
    Task<IReadOnlySet<string>> PostedAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>Records a post; <paramref name="startOver"/> first forgets the chat's previous posts (all were used).</summary>
    Task RecordPostAsync(ChatAddress chat, string tipKey, bool startOver, DateTimeOffset at, CancellationToken cancellationToken);
}
