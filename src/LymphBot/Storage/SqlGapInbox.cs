using System.Data.Common;
using Dapper;
using LymphBot.Core.Knowledge;
using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// The dashboard's view of the unanswered questions and the questions whose answer got a 👎: the open ones in a set of
/// scopes, and the moderators' decisions on them. <see cref="SqlQuestionGapStore"/> keeps counting a decided question
/// if it is asked again; it stays decided. A member's new vote is new feedback and open again.
/// </summary>
public sealed class SqlGapInbox(Database database)
{
    public const string NotCovered = "not-covered";

    /// <summary>Most asked first; the rest of the row breaks ties, so which rows make a limit does not depend on the plan.</summary>
    internal const string MostAsked = "asked_count DESC, last_asked DESC, first_asked, question, platform, chat_id";

    /// <summary>Newest vote first.</summary>
    internal const string Newest = "created_at DESC, id DESC";

    private const string GapColumns = "question, platform, chat_id, asked_count, first_asked, last_asked, NULL, NULL";

    // A vote whose question was erased (/forgetme) keeps its row without question or chat.
    private const string FeedbackColumns = "COALESCE(question, ''), platform, COALESCE(chat_id, ''), 1, created_at, created_at, entry_id, id";
    private const string OpenVote = "NOT helpful AND question IS NOT NULL AND resolution IS NULL";

    /// <summary>
    /// The open questions in <paramref name="scopes"/> (every scope for <c>null</c>): at most <paramref name="limit"/>
    /// unanswered ones, most asked first, then at most as many 👎 ones (each vote one row), newest first.
    /// </summary>
    public async Task<IReadOnlyList<GapRow>> OpenAsync(IReadOnlyList<GapScope>? scopes, int limit, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal) { ["Limit"] = limit };
        var filter = string.Empty;
        if (scopes is not null)
        {
            var terms = new List<string>();
            for (var i = 0; i < scopes.Count; i++)
            {
                parameters[$"C{i}"] = scopes[i].ChatId;
                if (scopes[i].Platform is { } platform)
                {
                    parameters[$"P{i}"] = platform;
                }

                terms.Add(scopes[i].Platform is null ? $"(chat_id = @C{i})" : $"(platform = @P{i} AND chat_id = @C{i})");
            }

            filter = terms.Count == 0 ? " AND 1 = 0" : $" AND ({string.Join(" OR ", terms)})";
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var unanswered = await ReadAsync(
            connection,
            null,
            $"SELECT {GapColumns}, 1 FROM question_gaps_per_chat WHERE resolution IS NULL{filter} ORDER BY {MostAsked} LIMIT @Limit",
            parameters,
            cancellationToken);
        var unhelpful = await ReadAsync(
            connection,
            null,
            $"SELECT {FeedbackColumns}, 1 FROM answer_feedback WHERE {OpenVote}{filter} ORDER BY {Newest} LIMIT @Limit",
            parameters,
            cancellationToken);
        return [.. unanswered.Select(r => r.Row), .. unhelpful.Select(r => r.Row)];
    }

    /// <summary>
    /// Every open question of every chat (<paramref name="since"/> null), or every gap row changed after revision
    /// <paramref name="since"/>, open or not, with the numbers of <see cref="DashboardVersions"/> read in the same snapshot.
    /// </summary>
    public async Task<GapChanges> ChangesAsync(long? since, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal) { ["Since"] = since ?? 0 };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await DashboardVersions.BeginSnapshotAsync(connection, cancellationToken);
        var version = await DashboardVersions.ReadAsync(connection, transaction, DashboardVersions.Gaps, cancellationToken);
        var removed = await DashboardVersions.ReadAsync(connection, transaction, DashboardVersions.GapsRemoved, cancellationToken);
        var rows = since is null
            ? [
                .. await ReadAsync(connection, transaction, $"SELECT {GapColumns}, 1 FROM question_gaps_per_chat WHERE resolution IS NULL", parameters, cancellationToken),
                .. await ReadAsync(connection, transaction, $"SELECT {FeedbackColumns}, 1 FROM answer_feedback WHERE {OpenVote}", parameters, cancellationToken),
            ]
            : (List<(GapRow Row, bool Open)>)[
                .. await ReadAsync(
                    connection,
                    transaction,
                    $"SELECT {GapColumns}, CASE WHEN resolution IS NULL THEN 1 ELSE 0 END FROM question_gaps_per_chat WHERE revision > @Since",
                    parameters,
                    cancellationToken),
                .. await ReadAsync(
                    connection,
                    transaction,
                    $"SELECT {FeedbackColumns}, CASE WHEN {OpenVote} THEN 1 ELSE 0 END FROM answer_feedback WHERE revision > @Since",
                    parameters,
                    cancellationToken),
            ];
        await transaction.CommitAsync(cancellationToken);
        return new GapChanges(version, removed, rows);
    }

    /// <summary>Closes the questions with a decision (<c>attached:&lt;id&gt;</c> or <see cref="NotCovered"/>).</summary>
    public Task ResolveAsync(IReadOnlyList<GapRow> rows, string resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var closed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE question_gaps_per_chat SET resolution = @Resolution WHERE question = @Question AND platform = @Platform AND chat_id = @ChatId AND resolution IS NULL",
                    rows.Where(r => r.UnhelpfulEntry is null).Select(r => new { Resolution = resolution, r.Question, r.Platform, r.ChatId }),
                    transaction,
                    cancellationToken: cancellationToken));
                return closed + await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE answer_feedback SET resolution = @Resolution WHERE question = @Question AND platform = @Platform AND chat_id = @ChatId " +
                    "AND entry_id = @Entry AND NOT helpful AND resolution IS NULL",
                    rows.Where(r => r.UnhelpfulEntry is not null).Select(r => new { Resolution = resolution, r.Question, r.Platform, r.ChatId, Entry = r.UnhelpfulEntry }),
                    transaction,
                    cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    /// <summary>Entries with a 👎, most first (votes are stored without their chat or question, so only per entry).</summary>
    public async Task<IReadOnlyList<(string EntryId, int Count, DateTimeOffset Last)>> UnhelpfulAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VoteRow>(new CommandDefinition(
            "SELECT entry_id AS EntryId, COUNT(*) AS Votes, MAX(created_at) AS LastAt FROM answer_feedback WHERE NOT helpful " +
            "GROUP BY entry_id ORDER BY COUNT(*) DESC, entry_id LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.EntryId, (int)r.Votes, DateTimeOffset.FromUnixTimeMilliseconds(r.LastAt)))];
    }

    // Read without Dapper: at 10,000 rows its boxing of each value took longer than grouping them.
    private static async Task<List<(GapRow Row, bool Open)>> ReadAsync(
        DbConnection connection, DbTransaction? transaction, string sql, Dictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        var rows = new List<(GapRow, bool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((
                new GapRow(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)))
                {
                    UnhelpfulEntry = reader.IsDBNull(6) ? null : reader.GetString(6),
                    FeedbackId = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                },
                reader.GetInt32(8) == 1));
        }

        return rows;
    }

    // Properties, not positional records: Dapper converts column types for properties only (INTEGER on SQLite, int4 on PostgreSQL).
    private sealed class VoteRow
    {
        public string EntryId { get; init; } = string.Empty;

        public long Votes { get; init; }

        public long LastAt { get; init; }
    }
}
