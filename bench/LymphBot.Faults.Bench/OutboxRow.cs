using Dapper;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Faults.Bench;

/// <summary>One occurrence of the burst in the bot's outbox (<c>reminder_deliveries</c>), as the bot recorded it.</summary>
internal sealed record OutboxRow(string ChatId, string State, long Attempts, string? Reason)
{
    public static async Task<List<OutboxRow>> ReadAsync(ReminderDatabase database, string slot)
    {
        await using var connection = await database.Database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<OutboxRow>(
            "SELECT d.chat_id AS ChatId, d.state AS State, d.attempts AS Attempts, d.reason AS Reason FROM reminder_deliveries d " +
            "JOIN reminder_subscriptions s ON s.id = d.subscription_id WHERE s.local_time = @Slot AND d.kind = 'Daily'",
            new { Slot = slot });
        return [.. rows];
    }
}
