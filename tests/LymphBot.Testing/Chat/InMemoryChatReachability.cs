using System.Collections.Concurrent;
using LymphBot.Core.Chat;

namespace LymphBot.Testing.Chat;

public sealed class InMemoryChatReachability : IChatReachability
{
    private readonly ConcurrentDictionary<ChatAddress, string> _unreachable = new();

    public IReadOnlyDictionary<ChatAddress, string> Unreachable => _unreachable;

    public Task ReportUnreachableAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        _unreachable[Normalize(chat)] = StoredTime.Cut(reason, 500);
        return Task.CompletedTask;
    }

    public Task ReportReachableAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        _unreachable.TryRemove(Normalize(chat), out _);
        return Task.CompletedTask;
    }

    public Task<string?> FindUnreachableReasonAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        Task.FromResult(_unreachable.TryGetValue(Normalize(chat), out var reason) ? reason : null);

    /// <summary>The chat's state is forgotten: reachable as far as we know (a chat that moved to a new id).</summary>
    internal void Forget(ChatAddress chat) => _unreachable.TryRemove(Normalize(chat), out _);

    // Reachability is per chat, not per thread.
    private static ChatAddress Normalize(ChatAddress chat) => chat with { ThreadId = null };
}
