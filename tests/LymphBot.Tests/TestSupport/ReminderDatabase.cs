using System.Globalization;
using Dapper;
using LymphBot.ConsoleChat;
using LymphBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// The bot's database seen from the test: migrated to the current schema, seeded with console subscriptions the
/// way the table stores them, and read back to count occurrences by state. The host processes under test own it
/// while they run; the test only reads, and writes before they start.
/// </summary>
public sealed class ReminderDatabase(Database database)
{
    public Database Database { get; } = database;

    public static async Task<ReminderDatabase> MigrateAsync(StorageProvider provider, string connectionString)
    {
        var database = new Database(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));
        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        return new ReminderDatabase(database);
    }

    /// <summary>
    /// Adds <paramref name="count"/> active daily reminders at <paramref name="localTime"/> (HH:mm) in
    /// <paramref name="zone"/>, each for its own member, all addressed to the console chat (<c>console:local</c>).
    /// </summary>
    public Task AddConsoleSubscriptionsAsync(string localTime, string zone, int count, string memberPrefix, DateTimeOffset createdAt) =>
        AddSubscriptionsAsync(
            ConsoleChatPlatform.PlatformName,
            Enumerable.Range(1, count).Select(i => ($"{memberPrefix}-{i.ToString(CultureInfo.InvariantCulture)}", ConsoleChatPlatform.LocalId)),
            localTime,
            zone,
            createdAt);

    /// <summary>
    /// Adds one active daily reminder at <paramref name="localTime"/> (HH:mm) in <paramref name="zone"/> for each
    /// member, addressed to that member's chat on <paramref name="platform"/>, as <c>/remind</c> would store it.
    /// </summary>
    public async Task AddSubscriptionsAsync(string platform, IEnumerable<(string UserId, string ChatId)> members, string localTime, string zone, DateTimeOffset createdAt)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = members.Select(m => new
        {
            Platform = platform,
            m.UserId,
            m.ChatId,
            LocalTime = localTime,
            TimeZone = zone,
            CreatedAt = createdAt.ToUnixTimeMilliseconds(),
        });
        await connection.ExecuteAsync(
            "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, thread_id, local_time, time_zone, state, paused_until, pause_reason, created_at) " +
            "VALUES (@Platform, @UserId, @ChatId, NULL, @LocalTime, @TimeZone, 'Active', NULL, NULL, @CreatedAt)",
            rows,
            transaction);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Writes today's occurrence of every subscription at <paramref name="localTime"/> as claimed ('Sending') at
    /// <paramref name="claimedAt"/>: what the table holds after a sender claimed them and died before sending.
    /// </summary>
    public async Task AddClaimedOccurrencesAsync(string localTime, DateTimeOffset claimedAt)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, thread_id, local_date, kind, due_at, state, attempts, text, reason, claimed_at) " +
            "SELECT id, platform, chat_id, thread_id, @LocalDate, 'Daily', @ClaimedAt, 'Sending', 0, 'Time for your daily routine.', NULL, @ClaimedAt " +
            "FROM reminder_subscriptions WHERE local_time = @LocalTime",
            new { LocalTime = localTime, LocalDate = claimedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ClaimedAt = claimedAt.ToUnixTimeMilliseconds() });
    }

    /// <summary>Daily occurrences of the subscriptions at <paramref name="localTime"/>, counted by state.</summary>
    public async Task<OccurrenceCounts> CountOccurrencesAsync(string localTime)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var byState = (await connection.QueryAsync<(string State, long Count)>(
            "SELECT d.state, COUNT(*) FROM reminder_deliveries d JOIN reminder_subscriptions s ON s.id = d.subscription_id " +
            "WHERE s.local_time = @LocalTime AND d.kind = 'Daily' GROUP BY d.state",
            new { LocalTime = localTime })).ToDictionary(r => r.State, r => (int)r.Count, StringComparer.Ordinal);
        var subscriptions = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(DISTINCT d.subscription_id) FROM reminder_deliveries d JOIN reminder_subscriptions s ON s.id = d.subscription_id " +
            "WHERE s.local_time = @LocalTime AND d.kind = 'Daily'",
            new { LocalTime = localTime });
        return new OccurrenceCounts(byState, (int)subscriptions);
    }
}
