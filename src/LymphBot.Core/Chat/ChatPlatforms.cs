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

    public Task SendAsync(ChatAddress address, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_byName.TryGetValue(address.Platform, out var platform))
        {
            throw new ChatSendException(SendFailure.Unreachable, $"No adapter for platform '{address.Platform}' is running.");
        }

        return platform.SendAsync(address, reply, cancellationToken);
    }
}
