using LymphBot.Core.Sending;

namespace LymphBot.Core.Chat;

/// <summary>Routes a send to the adapter that owns the address's platform.</summary>
public sealed class ChatPlatforms
{
    private readonly Dictionary<string, IChatPlatform> _byName;

    public ChatPlatforms(IEnumerable<IChatPlatform> platforms)
    {
        _byName = platforms.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Whether repeating a send to <paramref name="platform"/> with the same idempotency key posts it once.</summary>
    public bool DeduplicatesRepeats(string platform) => _byName.TryGetValue(platform, out var adapter) && adapter.DeduplicatesRepeats;

    public Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _byName.TryGetValue(address.Platform, out var platform)
            ? platform.SendAsync(address, reply, request, cancellationToken)
            : Task.FromResult(new SendReport(SendOutcome.Unreachable, $"No adapter for platform '{address.Platform}' is running."));
    }
}
