using Dapper;
using LymphBot.Core.Chat;

namespace LymphBot.Storage;

public sealed class SqlChatMigrationStore(Database database) : IChatMigrationStore
{
    // Order matters: rows the new chat already has (a tip, a rotation entry, a counted question) win, and the old
    // chat's copies go first, so no update breaks a unique key; then everything left moves.
    private static readonly string[] Statements =
    [
        "UPDATE reminder_subscriptions SET state = 'Active', paused_until = NULL, pause_reason = NULL " +
            "WHERE platform = @Platform AND chat_id = @From AND state = 'Paused' AND pause_reason LIKE 'chat unreachable:%'",
        "UPDATE reminder_subscriptions SET chat_id = @To WHERE platform = @Platform AND chat_id = @From",
        "UPDATE reminder_deliveries SET chat_id = @To WHERE platform = @Platform AND chat_id = @From",
        "DELETE FROM tips WHERE platform = @Platform AND chat_id = @From AND normalized IN (SELECT normalized FROM tips WHERE platform = @Platform AND chat_id = @To)",
        "UPDATE tips SET chat_id = @To WHERE platform = @Platform AND chat_id = @From",
        "UPDATE tips SET suggested_chat_id = @To WHERE platform = @Platform AND suggested_chat_id = @From",
        "DELETE FROM tip_posts WHERE platform = @Platform AND chat_id = @From AND tip_key IN (SELECT tip_key FROM tip_posts WHERE platform = @Platform AND chat_id = @To)",
        "UPDATE tip_posts SET chat_id = @To WHERE platform = @Platform AND chat_id = @From",
        "UPDATE audit_log SET chat_id = @To WHERE platform = @Platform AND chat_id = @From",
        "UPDATE program_enrollments SET chat_id = @To WHERE platform = @Platform AND chat_id = @From",
        "UPDATE question_gaps_per_chat SET asked_count = asked_count + (SELECT old.asked_count FROM question_gaps_per_chat old " +
            "WHERE old.platform = @Platform AND old.chat_id = @From AND old.question = question_gaps_per_chat.question) " +
            "WHERE platform = @Platform AND chat_id = @To AND question IN (SELECT question FROM question_gaps_per_chat WHERE platform = @Platform AND chat_id = @From)",
        "DELETE FROM question_gaps_per_chat WHERE platform = @Platform AND chat_id = @From AND question IN (SELECT question FROM question_gaps_per_chat WHERE platform = @Platform AND chat_id = @To)",
        "UPDATE question_gaps_per_chat SET chat_id = @To WHERE platform = @Platform AND chat_id = @From",

        // The old id is gone for good; the new chat is the one the platform told us about, so it is reachable.
        "DELETE FROM chat_status WHERE platform = @Platform AND chat_id IN (@From, @To)",
    ];

    public Task<int> MoveAsync(ChatAddress oldChat, ChatAddress newChat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oldChat);
        ArgumentNullException.ThrowIfNull(newChat);
        var parameters = new { oldChat.Platform, From = oldChat.ChatId, To = newChat.ChatId };
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var moved = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM reminder_subscriptions WHERE platform = @Platform AND chat_id = @From", parameters, transaction, cancellationToken: cancellationToken));
                foreach (var sql in Statements)
                {
                    await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
                }

                return (int)moved;
            },
            cancellationToken);
    }
}
