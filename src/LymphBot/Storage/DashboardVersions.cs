using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace LymphBot.Storage;

/// <summary>
/// The counters in <c>dashboard_versions</c> (migrations 1740 and 1741): each moves, in the writer's own transaction,
/// with the writes that make what the dashboard kept of an area stale, on any instance; a write elsewhere leaves it
/// alone (<c>PRAGMA data_version</c> and PostgreSQL's snapshot, used before, moved with any write at all).
/// </summary>
public sealed class DashboardVersions(Database database)
{
    /// <summary>Unanswered questions and 👎 votes; each of their rows keeps this number of its last change in <c>revision</c>.</summary>
    public const string Gaps = "gaps";

    /// <summary>A gap row deleted or moved to another chat: what a reader of changed rows cannot see.</summary>
    public const string GapsRemoved = "gaps-removed";

    /// <summary>A write to a delivery first due before <see cref="DeliveriesSealed"/>: kept tallies of closed hours are void.</summary>
    public const string DeliveriesSettled = "deliveries-settled";

    /// <summary>Not a counter: the first-due time (Unix ms) before which hours are sealed (<see cref="SealedDeliveryHours"/>).</summary>
    public const string DeliveriesSealed = "deliveries-sealed";

    public async Task<long> ReadAsync(string area, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, area, cancellationToken);
    }

    /// <summary>Reads <paramref name="area"/>'s number on an open connection, inside <paramref name="transaction"/> when given.</summary>
    public static async Task<long> ReadAsync(DbConnection connection, DbTransaction? transaction, string area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM dashboard_versions WHERE area = @Area";
        command.AddParameter("Area", area);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A transaction that only reads and sees one state of the database throughout: on PostgreSQL repeatable read, on
    /// SQLite a deferred transaction (Microsoft.Data.Sqlite's default takes the write lock at once).
    /// </summary>
    public static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
    }
}
