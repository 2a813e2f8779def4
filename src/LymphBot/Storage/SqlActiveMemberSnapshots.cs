using Dapper;

namespace LymphBot.Storage;

/// <summary>
/// Writes today's count of members with at least one active daily reminder, per chat, keeping the day's highest:
/// subscriptions keep only their current state, so a day's figure exists only if it was written on that day. A
/// member's private chat is filed under <c>''</c> (its id is the member's: Telegram's equals the user id, Discord's
/// is <c>user:</c> and the id), so no row ties a count to a person.
/// </summary>
public sealed class SqlActiveMemberSnapshots(Database database)
{
    public const string PrivateChat = "CASE WHEN chat_id = user_id OR chat_id = 'user:' || user_id THEN '' ELSE chat_id END";

    public async Task RecordAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO active_members_per_day (platform, chat_id, day, members) " +
                $"SELECT platform, {PrivateChat}, @Day, COUNT(DISTINCT user_id) FROM reminder_subscriptions " +
                $"WHERE state = 'Active' AND kind = 'Routine' GROUP BY platform, {PrivateChat} " +
                "ON CONFLICT (platform, chat_id, day) DO UPDATE SET members = " +
                "CASE WHEN excluded.members > active_members_per_day.members THEN excluded.members ELSE active_members_per_day.members END",
                new { Day = now.ToUnixTimeMilliseconds() / 86_400_000 },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
    }
}
