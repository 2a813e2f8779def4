using System.Collections.Concurrent;
using LymphBot.Core.Chat;
using LymphBot.Core.Users;

namespace LymphBot.Testing.Users;

public sealed class InMemoryChatUserStore : IChatUserStore
{
    private readonly ConcurrentDictionary<(string, string), ChatUserSettings> _rows = new();

    public IReadOnlyCollection<ChatUserSettings> All => [.. _rows.Values];

    public Task<ChatUserSettings> EnsureAsync(ChatUser user, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetOrAdd((user.Platform, user.UserId), _ => new ChatUserSettings(user.Platform, user.UserId, null, now)));

    public Task<ChatUserSettings?> FindAsync(ChatUser user, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((user.Platform, user.UserId), out var s) ? s : null);

    public Task SaveAsync(ChatUserSettings settings, CancellationToken cancellationToken)
    {
        _rows[(settings.Platform, settings.UserId)] = settings;
        return Task.CompletedTask;
    }
}
