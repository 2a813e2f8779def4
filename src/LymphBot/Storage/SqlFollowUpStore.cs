using Dapper;
using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;

namespace LymphBot.Storage;

/// <summary>Reminders' follow-ups (<c>reminder_follow_ups</c>), on both databases with the same SQL.</summary>
public sealed class SqlFollowUpStore(Database database) : IFollowUpStore
{
    public Task SetAsync(long subscriptionId, FollowUp? followUp, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                followUp is null
                    ? "DELETE FROM reminder_follow_ups WHERE subscription_id = @Id"
                    : "INSERT INTO reminder_follow_ups (subscription_id, every_minutes, times) VALUES (@Id, @Every, @Times) " +
                      "ON CONFLICT (subscription_id) DO UPDATE SET every_minutes = excluded.every_minutes, times = excluded.times",
                new { Id = subscriptionId, Every = (int)(followUp?.Every.TotalMinutes ?? 0), Times = followUp?.Times ?? 0 },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<FollowUp?> FindAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT subscription_id AS SubscriptionId, every_minutes AS EveryMinutes, times AS Times FROM reminder_follow_ups WHERE subscription_id = @Id",
            new { Id = subscriptionId },
            cancellationToken: cancellationToken));
        return row?.ToFollowUp();
    }

    public async Task<IReadOnlyDictionary<long, FollowUp>> ListSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT f.subscription_id AS SubscriptionId, f.every_minutes AS EveryMinutes, f.times AS Times FROM reminder_follow_ups f " +
            "JOIN reminder_subscriptions s ON s.id = f.subscription_id WHERE s.time_zone = @Zone AND s.local_time = @Time",
            new { Zone = timeZone, Time = ReminderTime.Format(localTime) },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.SubscriptionId, r => r.ToFollowUp());
    }

    private sealed class Row
    {
        public long SubscriptionId { get; init; }

        public long EveryMinutes { get; init; }

        public long Times { get; init; }

        public FollowUp ToFollowUp() => new(TimeSpan.FromMinutes(EveryMinutes), (int)Times);
    }
}
