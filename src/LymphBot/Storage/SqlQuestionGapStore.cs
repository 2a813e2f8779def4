using Dapper;
using LymphBot.Core.Knowledge;

namespace LymphBot.Storage;

public sealed class SqlQuestionGapStore(Database database) : IQuestionGapStore
{
    public async Task RecordAsync(string question, GapScope scope, DateTimeOffset askedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Platform is null)
        {
            throw new ArgumentException("A question is filed under one platform.", nameof(scope));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO question_gaps_per_chat (question, platform, chat_id, asked_count, first_asked, last_asked) VALUES (@Question, @Platform, @ChatId, 1, @At, @At) " +
            "ON CONFLICT (question, platform, chat_id) DO UPDATE SET asked_count = question_gaps_per_chat.asked_count + 1, last_asked = excluded.last_asked",
            new { Question = question, scope.Platform, scope.ChatId, At = askedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task CountAsync(GapScope scope, AnswerKind kind, DateTimeOffset askedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO question_counts (platform, chat_id, day, kind, asked) VALUES (@Platform, @ChatId, @Day, @Kind, 1) " +
            "ON CONFLICT (platform, chat_id, day, kind) DO UPDATE SET asked = question_counts.asked + 1",
            new { Platform = scope.Platform ?? string.Empty, scope.ChatId, Day = askedAt.ToUnixTimeMilliseconds() / 86_400_000, Kind = KindName(kind) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The names the metrics use (<c>lymphbot_questions_total{kind}</c>), so the two agree.</summary>
    public static string KindName(AnswerKind kind) => new Answer(kind, string.Empty, null, 0).KindName;

    public async Task<IReadOnlyList<QuestionGap>> TopAsync(GapScope scope, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // Two statements rather than "@Platform IS NULL OR …": PostgreSQL cannot type a parameter that is only ever null.
        var platformFilter = scope.Platform is null ? string.Empty : "AND platform = @Platform ";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT question AS Question, platform AS Platform, asked_count AS AskedCount, first_asked AS FirstAsked, last_asked AS LastAsked " +
            "FROM question_gaps_per_chat WHERE chat_id = @ChatId " + platformFilter +
            "ORDER BY asked_count DESC, last_asked DESC LIMIT @Count",
            new { scope.ChatId, scope.Platform, Count = count },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new QuestionGap(
            r.Question, r.Platform, (int)r.AskedCount, DateTimeOffset.FromUnixTimeMilliseconds(r.FirstAsked), DateTimeOffset.FromUnixTimeMilliseconds(r.LastAsked)))];
    }

    // Properties, not a positional record: Dapper converts column types for properties (asked_count is INTEGER on
    // SQLite, int4 on PostgreSQL) but matches constructor parameters only by exact type.
    private sealed class Row
    {
        public string Question { get; init; } = string.Empty;

        public string Platform { get; init; } = string.Empty;

        public long AskedCount { get; init; }

        public long FirstAsked { get; init; }

        public long LastAsked { get; init; }
    }
}
