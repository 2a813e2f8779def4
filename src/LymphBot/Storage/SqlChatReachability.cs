using Dapper;
using LymphBot.Core.Chat;

namespace LymphBot.Storage;

/// <summary>Reachability per chat in <c>chat_status</c>; a chat's threads share its state.</summary>
public sealed class SqlChatReachability(Database database, TimeProvider time) : IChatReachability
{
    private const int MaxReasonLength = 500;

    public Task ReportUnreachableAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return SetAsync(chat, reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason, cancellationToken);
    }

    public Task ReportReachableAsync(ChatAddress chat, CancellationToken cancellationToken) => SetAsync(chat, null, cancellationToken);

    public async Task<string?> FindUnreachableReasonAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT unreachable_reason FROM chat_status WHERE platform = @Platform AND chat_id = @ChatId",
            new { chat.Platform, chat.ChatId },
            cancellationToken: cancellationToken));
    }

    private async Task SetAsync(ChatAddress chat, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO chat_status (platform, chat_id, unreachable_reason, changed_at) VALUES (@Platform, @ChatId, @Reason, @Now) " +
            "ON CONFLICT (platform, chat_id) DO UPDATE SET unreachable_reason = excluded.unreachable_reason, changed_at = excluded.changed_at",
            new { chat.Platform, chat.ChatId, Reason = reason, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }
}
