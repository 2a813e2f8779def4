using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Moderation;

namespace LymphBot.Storage;

public sealed class SqlAuditLog(Database database) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (platform, chat_id, actor_id, actor_name, action, detail, allowed, at) " +
            "VALUES (@Platform, @ChatId, @ActorId, @ActorName, @Action, @Detail, @Allowed, @At)",
            new
            {
                entry.Chat.Platform,
                entry.Chat.ChatId,
                ActorId = entry.Actor?.UserId,
                ActorName = entry.Actor?.DisplayName is { Length: > 200 } name ? name[..200] : entry.Actor?.DisplayName,
                entry.Action,
                Detail = entry.Detail.Length > 500 ? entry.Detail[..500] : entry.Detail,
                entry.Allowed,
                At = entry.At.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(ChatAddress chat, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT actor_id AS ActorId, actor_name AS ActorName, action AS Action, detail AS Detail, allowed AS Allowed, at AS At " +
            "FROM audit_log WHERE platform = @Platform AND chat_id = @ChatId ORDER BY id DESC LIMIT @Count",
            new { chat.Platform, chat.ChatId, Count = count },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(
            chat, r.ActorId is null ? null : new ChatUser(chat.Platform, r.ActorId, r.ActorName ?? string.Empty), r.Action, r.Detail, r.Allowed, DateTimeOffset.FromUnixTimeMilliseconds(r.At)))];
    }

    private sealed class Row
    {
        public string? ActorId { get; init; }

        public string? ActorName { get; init; }

        public string Action { get; init; } = string.Empty;

        public string Detail { get; init; } = string.Empty;

        public bool Allowed { get; init; }

        public long At { get; init; }
    }
}
