using Dapper;
using LymphBot.Core.Knowledge;
using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// The dashboard's view of the unanswered questions: the open ones in a set of scopes, and the moderators' decisions
/// on them. <see cref="SqlQuestionGapStore"/> keeps counting a decided question if it is asked again; it stays decided.
/// </summary>
public sealed class SqlGapInbox(Database database)
{
    public const string NotCovered = "not-covered";

    /// <summary>The open questions in <paramref name="scopes"/> (every scope for <c>null</c>), most asked first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<GapRow>> OpenAsync(IReadOnlyList<GapScope>? scopes, int limit, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { Limit = limit });
        var filter = string.Empty;
        if (scopes is not null)
        {
            var terms = new List<string>();
            for (var i = 0; i < scopes.Count; i++)
            {
                parameters.Add($"C{i}", scopes[i].ChatId);
                parameters.Add($"P{i}", scopes[i].Platform);
                terms.Add(scopes[i].Platform is null ? $"(chat_id = @C{i})" : $"(platform = @P{i} AND chat_id = @C{i})");
            }

            filter = terms.Count == 0 ? " AND 1 = 0" : $" AND ({string.Join(" OR ", terms)})";
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT question AS Question, platform AS Platform, chat_id AS ChatId, asked_count AS AskedCount, first_asked AS FirstAsked, last_asked AS LastAsked " +
            $"FROM question_gaps_per_chat WHERE resolution IS NULL{filter} ORDER BY asked_count DESC, last_asked DESC LIMIT @Limit",
            parameters,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new GapRow(
            r.Question, r.Platform, r.ChatId, (int)r.AskedCount, DateTimeOffset.FromUnixTimeMilliseconds(r.FirstAsked), DateTimeOffset.FromUnixTimeMilliseconds(r.LastAsked)))];
    }

    /// <summary>Closes the questions with a decision (<c>attached:&lt;id&gt;</c> or <see cref="NotCovered"/>).</summary>
    public Task ResolveAsync(IReadOnlyList<GapRow> rows, string resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE question_gaps_per_chat SET resolution = @Resolution WHERE question = @Question AND platform = @Platform AND chat_id = @ChatId AND resolution IS NULL",
                rows.Select(r => new { Resolution = resolution, r.Question, r.Platform, r.ChatId }),
                transaction,
                cancellationToken: cancellationToken)),
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

    // Properties, not positional records: Dapper converts column types for properties only (INTEGER on SQLite, int4 on PostgreSQL).
    private sealed class Row
    {
        public string Question { get; init; } = string.Empty;

        public string Platform { get; init; } = string.Empty;

        public string ChatId { get; init; } = string.Empty;

        public long AskedCount { get; init; }

        public long FirstAsked { get; init; }

        public long LastAsked { get; init; }
    }

    private sealed class VoteRow
    {
        public string EntryId { get; init; } = string.Empty;

        public long Votes { get; init; }

        public long LastAt { get; init; }
    }
}
