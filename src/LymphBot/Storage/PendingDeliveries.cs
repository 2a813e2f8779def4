using System.Data.Common;
using System.Globalization;
using Dapper;
using LymphBot.Core.Scheduling;

namespace LymphBot.Storage;

/// <summary>
/// Skipping a day's pending deliveries, the one statement that Done, Skip, a rest day (all of the day's nudges) and a
/// snooze (the day's follow-ups) each run inside their own write, so each stays one transaction.
/// </summary>
internal static class PendingDeliveries
{
    /// <summary>Marks the subscription's pending deliveries of <paramref name="localDate"/> Skipped: all, or those of one <paramref name="kind"/>.</summary>
    public static Task<int> SkipAsync(
        DbConnection connection, DbTransaction transaction, long subscriptionId, DateOnly localDate, DeliveryKind? kind, string reason, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminder_deliveries SET state = 'Skipped', reason = @Reason WHERE subscription_id = @Id AND local_date = @Date AND state = 'Pending' " +
            "AND (@Kind IS NULL OR kind = @Kind)",
            new { Id = subscriptionId, Date = localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Reason = reason, Kind = kind?.ToString() },
            transaction,
            cancellationToken: cancellationToken));
}
