using Dapper;
using LymphBot.Core.Knowledge;

namespace LymphBot.Storage;

public sealed class SqlSuggestedPhrasingStore(Database database) : ISuggestedPhrasingStore
{
    private const string Columns =
        "id AS Id, question AS Question, entry_id AS EntryId, status AS Status, platform AS Platform, chosen_count AS ChosenCount, first_chosen AS FirstChosen";

    public async Task RecordAsync(string question, string entryId, string platform, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO suggested_phrasings (question, entry_id, status, platform, chosen_count, first_chosen, last_chosen) " +
            "VALUES (@Question, @EntryId, @Status, @Platform, 1, @At, @At) " +
            "ON CONFLICT (question, entry_id) DO UPDATE SET chosen_count = suggested_phrasings.chosen_count + 1, last_chosen = excluded.last_chosen",
            new { Question = question, EntryId = entryId, Status = nameof(SuggestionStatus.Pending), Platform = platform, At = at.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SuggestedPhrasing>> ListAsync(SuggestionStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM suggested_phrasings WHERE status = @Status ORDER BY chosen_count DESC, id",
            new { Status = status.ToString() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSuggestion())];
    }

    public async Task<SuggestedPhrasing?> DecideAsync(long id, SuggestionStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE suggested_phrasings SET status = @Status WHERE id = @Id AND status = @Pending",
            new { Id = id, Status = status.ToString(), Pending = nameof(SuggestionStatus.Pending) },
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return null;
        }

        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM suggested_phrasings WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row.ToSuggestion();
    }

    // Properties, not a positional record: Dapper converts column types for properties (INTEGER on SQLite, int4 on
    // PostgreSQL) but matches constructor parameters only by exact type.
    private sealed class Row
    {
        public long Id { get; init; }

        public string Question { get; init; } = string.Empty;

        public string EntryId { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public string Platform { get; init; } = string.Empty;

        public long ChosenCount { get; init; }

        public long FirstChosen { get; init; }

        public SuggestedPhrasing ToSuggestion() =>
            new(Id, Question, EntryId, Enum.Parse<SuggestionStatus>(Status), Platform, DateTimeOffset.FromUnixTimeMilliseconds(FirstChosen)) { Count = (int)ChosenCount };
    }
}
