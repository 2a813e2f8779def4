using System.Collections.Concurrent;
using LymphBot.Core.Chat;
using LymphBot.Core.Users;

namespace LymphBot.Testing.Users;

public sealed class InMemoryChatUserStore : IChatUserStore
{
    private readonly ConcurrentDictionary<(string, string), ChatUserSettings> _rows = new();

    public IReadOnlyCollection<ChatUserSettings> All => [.. _rows.Values];

    public Task<ChatUserSettings> EnsureAsync(ChatUser user, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetOrAdd((user.Platform, user.UserId), _ => new ChatUserSettings(user.Platform, user.UserId, null, StoredTime.Of(now))));

    public Task<ChatUserSettings?> FindAsync(ChatUser user, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((user.Platform, user.UserId), out var s) ? s : null);

    public Task SaveAsync(ChatUserSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Like the SQL upsert: a member's first-seen time is the one stored first, only the zone changes.
        _rows.AddOrUpdate((settings.Platform, settings.UserId), _ => settings with { CreatedAt = StoredTime.Of(settings.CreatedAt) }, (_, old) => old with { TimeZone = settings.TimeZone });
        return Task.CompletedTask;
    }

    /// <summary>Deletes the member's settings (<c>/forgetme</c>).</summary>
    internal void Remove(ChatUser member) => _rows.TryRemove((member.Platform, member.UserId), out _);
}
