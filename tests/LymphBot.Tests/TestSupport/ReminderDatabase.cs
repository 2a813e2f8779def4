using System.Globalization;
using Dapper;
using LymphBot.ConsoleChat;
using LymphBot.Core.Scheduling;
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

    /// <summary>
    /// Moves a pending row's due time to <paramref name="at"/>: a real-clock test's stand-in for the snooze's or the
    /// follow-up's interval passing. Returns how many rows moved (0 when it is not pending any more).
    /// </summary>
    public async Task<int> MakeDueAsync(long subscriptionId, DeliveryKind kind, int sequence, DateTimeOffset at)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteAsync(
            "UPDATE reminder_deliveries SET due_at = @At WHERE subscription_id = @Id AND kind = @Kind AND sequence = @Sequence AND state = 'Pending'",
            new { Id = subscriptionId, Kind = kind.ToString(), Sequence = sequence, At = at.ToUnixTimeMilliseconds() });
    }

    /// <summary>Moves every pending row due after <paramref name="at"/> to it, as if the rest of the day had passed.</summary>
    public async Task<int> MakeAllDueAsync(DateTimeOffset at)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteAsync(
            "UPDATE reminder_deliveries SET due_at = @At WHERE state = 'Pending' AND due_at > @At", new { At = at.ToUnixTimeMilliseconds() });
    }

    /// <summary>Rows still to be sent (pending or claimed), whenever due.</summary>
    public async Task<int> CountUnsentAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (int)await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reminder_deliveries WHERE state IN ('Pending', 'Sending')");
    }

    /// <summary>The state of one row of the outbox; <c>null</c> when there is none.</summary>
    public async Task<string?> StateOfAsync(long subscriptionId, DeliveryKind kind, int sequence)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT state FROM reminder_deliveries WHERE subscription_id = @Id AND kind = @Kind AND sequence = @Sequence",
            new { Id = subscriptionId, Kind = kind.ToString(), Sequence = sequence });
    }

    /// <summary>Every row of the outbox for these subscriptions: the occurrence's key (local date, kind, sequence) and its state.</summary>
    public async Task<IReadOnlyDictionary<long, List<(DateOnly Date, DeliveryKind Kind, int Sequence, DeliveryState State)>>> ListOccurrencesAsync(IEnumerable<long> subscriptionIds)
    {
        var ids = subscriptionIds.ToList();
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(long Id, string Date, string Kind, long Sequence, string State)>(
            "SELECT subscription_id, local_date, kind, sequence, state FROM reminder_deliveries ORDER BY id");
        var byId = ids.ToDictionary(id => id, _ => new List<(DateOnly, DeliveryKind, int, DeliveryState)>());
        foreach (var row in rows.Where(r => byId.ContainsKey(r.Id)))
        {
            byId[row.Id].Add((DateOnly.ParseExact(row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<DeliveryKind>(row.Kind), (int)row.Sequence, Enum.Parse<DeliveryState>(row.State)));
        }

        return byId;
    }

    /// <summary>The subscriptions' states (Active, Finished, ...) by id.</summary>
    public async Task<IReadOnlyDictionary<long, string>> SubscriptionStatesAsync(IEnumerable<long> subscriptionIds)
    {
        var ids = subscriptionIds.ToHashSet();
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(long Id, string State)>("SELECT id, state FROM reminder_subscriptions");
        return rows.Where(r => ids.Contains(r.Id)).ToDictionary(r => r.Id, r => r.State);
    }

    /// <summary>The stored outcome of one occurrence (Done, Skipped, ...); <c>null</c> for none.</summary>
    public async Task<string?> OutcomeAsync(long subscriptionId, DateOnly localDate)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT outcome FROM reminder_outcomes WHERE subscription_id = @Id AND local_date = @Date",
            new { Id = subscriptionId, Date = localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
    }
}
