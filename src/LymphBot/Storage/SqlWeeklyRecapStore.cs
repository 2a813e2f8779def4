using Dapper;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Storage;

/// <summary>
/// Members' weekly recaps as rows of <c>reminder_subscriptions</c> (kind <c>WeeklyRecap</c>, one per member by the
/// unique partial index of migration 1630), read back through the reminder store so they map like every subscription.
/// </summary>
public sealed class SqlWeeklyRecapStore(Database database, IReminderStore reminders) : IWeeklyRecapStore
{
    public async Task<ReminderSubscription?> FindAsync(ChatUser member, CancellationToken cancellationToken) =>
        await FindIdAsync(member, cancellationToken) is { } id ? await reminders.FindAsync(id, cancellationToken) : null;

    public async Task<ReminderSubscription> SetAsync(ReminderSubscription recap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recap);
        var id = await database.WriteAsync(
            (connection, transaction) => connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, thread_id, local_time, time_zone, state, created_at, kind, schedule_days) " +
                "VALUES (@Platform, @UserId, @ChatId, @ThreadId, @LocalTime, @TimeZone, 'Active', @CreatedAt, 'WeeklyRecap', @Days) " +
                "ON CONFLICT (platform, user_id) WHERE kind = 'WeeklyRecap' DO UPDATE SET chat_id = excluded.chat_id, thread_id = excluded.thread_id, " +
                "local_time = excluded.local_time, time_zone = excluded.time_zone, schedule_days = excluded.schedule_days, " +
                "state = 'Active', paused_until = NULL, pause_reason = NULL RETURNING id",
                new
                {
                    recap.Member.Platform,
                    recap.Member.UserId,
                    recap.Chat.ChatId,
                    recap.Chat.ThreadId,
                    LocalTime = ReminderTime.Format(recap.LocalTime),
                    recap.TimeZone,
                    CreatedAt = recap.CreatedAt.ToUnixTimeMilliseconds(),
                    Days = (int)recap.Schedule.Days,
                },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
        return await reminders.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Weekly recap {id} vanished as it was stored.");
    }

    public async Task<bool> RemoveAsync(ChatUser member, CancellationToken cancellationToken) =>
        await FindIdAsync(member, cancellationToken) is { } id && await reminders.DeleteAsync(id, cancellationToken);

    private async Task<long?> FindIdAsync(ChatUser member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND kind = 'WeeklyRecap'",
            new { member.Platform, member.UserId },
            cancellationToken: cancellationToken));
    }
}
