using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Users;

namespace LymphBot.Storage;

/// <summary>Member settings in <c>chat_users</c>; the SQL is the common subset of SQLite and PostgreSQL.</summary>
public sealed class SqlChatUserStore(Database database) : IChatUserStore
{
    private const string SelectColumns = "platform AS Platform, user_id AS UserId, time_zone AS TimeZone, created_at AS CreatedAt";

    public async Task<ChatUserSettings> EnsureAsync(ChatUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO chat_users (platform, user_id, time_zone, created_at) VALUES (@Platform, @UserId, NULL, @CreatedAt) " +
            "ON CONFLICT (platform, user_id) DO NOTHING",
            new { user.Platform, user.UserId, CreatedAt = now.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {SelectColumns} FROM chat_users WHERE platform = @Platform AND user_id = @UserId",
            new { user.Platform, user.UserId },
            cancellationToken: cancellationToken));
        return row.ToSettings();
    }

    public async Task<ChatUserSettings?> FindAsync(ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {SelectColumns} FROM chat_users WHERE platform = @Platform AND user_id = @UserId",
            new { user.Platform, user.UserId },
            cancellationToken: cancellationToken));
        return row?.ToSettings();
    }

    public async Task SaveAsync(ChatUserSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO chat_users (platform, user_id, time_zone, created_at) VALUES (@Platform, @UserId, @TimeZone, @CreatedAt) " +
            "ON CONFLICT (platform, user_id) DO UPDATE SET time_zone = excluded.time_zone",
            new { settings.Platform, settings.UserId, settings.TimeZone, CreatedAt = settings.CreatedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    private sealed record Row(string Platform, string UserId, string? TimeZone, long CreatedAt)
    {
        public ChatUserSettings ToSettings() => new(Platform, UserId, TimeZone, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
    }
}
