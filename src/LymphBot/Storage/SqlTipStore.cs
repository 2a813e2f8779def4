using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Tips;

namespace LymphBot.Storage;

public sealed class SqlTipStore(Database database) : ITipStore
{
    private const string Columns =
        "id AS Id, platform AS Platform, chat_id AS ChatId, text AS Text, status AS Status, suggested_by AS SuggestedBy, " +
        "suggested_name AS SuggestedName, suggested_chat_id AS SuggestedChatId, suggested_thread_id AS SuggestedThreadId, created_at AS CreatedAt";

    public async Task<(Tip Tip, bool Added)> AddAsync(Tip tip, string normalizedText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tip);
        var community = tip.Community ?? throw new ArgumentException("A stored tip belongs to a community.", nameof(tip));
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "INSERT INTO tips (platform, chat_id, text, normalized, status, suggested_by, suggested_name, suggested_chat_id, suggested_thread_id, created_at) " +
            "VALUES (@Platform, @ChatId, @Text, @Normalized, @Status, @SuggestedBy, @SuggestedName, @SuggestedChatId, @SuggestedThreadId, @CreatedAt) " +
            "ON CONFLICT (platform, chat_id, normalized) DO NOTHING RETURNING id",
            new
            {
                community.Platform,
                community.ChatId,
                tip.Text,
                Normalized = normalizedText,
                Status = tip.Status.ToString(),
                SuggestedBy = tip.SuggestedBy?.UserId,
                SuggestedName = tip.SuggestedBy?.DisplayName,
                SuggestedChatId = tip.SuggestedIn?.ChatId,
                SuggestedThreadId = tip.SuggestedIn?.ThreadId,
                CreatedAt = tip.CreatedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        if (id is { } added)
        {
            return (tip with { Id = added }, true);
        }

        var existing = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM tips WHERE platform = @Platform AND chat_id = @ChatId AND normalized = @Normalized",
            new { community.Platform, community.ChatId, Normalized = normalizedText },
            cancellationToken: cancellationToken));
        return (existing.ToTip(), false);
    }

    public async Task<Tip?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM tips WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToTip();
    }

    public async Task<IReadOnlyList<Tip>> ListAsync(ChatAddress community, TipStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM tips WHERE platform = @Platform AND chat_id = @ChatId AND status = @Status ORDER BY id",
            new { community.Platform, community.ChatId, Status = status.ToString() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToTip())];
    }

    public async Task SetStatusAsync(long id, TipStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tips SET status = @Status WHERE id = @Id", new { Id = id, Status = status.ToString() }, cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM tips WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlySet<string>> PostedAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT tip_key FROM tip_posts WHERE platform = @Platform AND chat_id = @ChatId", new { chat.Platform, chat.ChatId }, cancellationToken: cancellationToken));
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    public async Task RecordPostAsync(ChatAddress chat, string tipKey, bool startOver, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (startOver)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM tip_posts WHERE platform = @Platform AND chat_id = @ChatId", new { chat.Platform, chat.ChatId }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tip_posts (platform, chat_id, tip_key, posted_at) VALUES (@Platform, @ChatId, @Key, @At) ON CONFLICT (platform, chat_id, tip_key) DO NOTHING",
            new { chat.Platform, chat.ChatId, Key = tipKey, At = at.ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string Platform { get; init; } = string.Empty;

        public string ChatId { get; init; } = string.Empty;

        public string Text { get; init; } = string.Empty;

        public string Status { get; init; } = nameof(TipStatus.Pending);

        public string? SuggestedBy { get; init; }

        public string? SuggestedName { get; init; }

        public string? SuggestedChatId { get; init; }

        public string? SuggestedThreadId { get; init; }

        public long CreatedAt { get; init; }

        public Tip ToTip() => new(Id, Text, Enum.Parse<TipStatus>(Status), new ChatAddress(Platform, ChatId), DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt))
        {
            SuggestedBy = SuggestedBy is null ? null : new ChatUser(Platform, SuggestedBy, SuggestedName ?? string.Empty),
            SuggestedIn = SuggestedChatId is null ? null : new ChatAddress(Platform, SuggestedChatId, SuggestedThreadId),
        };
    }
}
