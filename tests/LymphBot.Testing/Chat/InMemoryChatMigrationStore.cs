using LymphBot.Core.Chat;

namespace LymphBot.Testing.Chat;

/// <summary>Records the moves it was asked to make.</summary>
public sealed class InMemoryChatMigrationStore : IChatMigrationStore
{
    private readonly List<(ChatAddress Old, ChatAddress New)> _moves = [];

    public IReadOnlyList<(ChatAddress Old, ChatAddress New)> Moves
    {
        get
        {
            lock (_moves)
            {
                return [.. _moves];
            }
        }
    }

    public Task<int> MoveAsync(ChatAddress oldChat, ChatAddress newChat, CancellationToken cancellationToken)
    {
        lock (_moves)
        {
            _moves.Add((oldChat, newChat));
        }

        return Task.FromResult(0);
    }
}
