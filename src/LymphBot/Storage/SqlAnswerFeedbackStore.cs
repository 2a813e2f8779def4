using Dapper;
using LymphBot.Core.Knowledge;

namespace LymphBot.Storage;

public sealed class SqlAnswerFeedbackStore(Database database) : IAnswerFeedbackStore
{
    public async Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            // A new vote is new feedback: its question (or none, for a 👍) replaces the old one and is open again.
            "INSERT INTO answer_feedback (entry_id, helpful, platform, voter_id, created_at, question, chat_id) " +
            "VALUES (@EntryId, @Helpful, @Platform, @VoterId, @At, @Question, @ChatId) " +
            "ON CONFLICT (entry_id, platform, voter_id) DO UPDATE SET helpful = excluded.helpful, created_at = excluded.created_at, " +
            "question = excluded.question, chat_id = excluded.chat_id, resolution = NULL",
            new
            {
                feedback.EntryId,
                feedback.Helpful,
                feedback.Voter.Platform,
                VoterId = feedback.Voter.UserId,
                At = feedback.At.ToUnixTimeMilliseconds(),
                Question = feedback.Helpful ? null : feedback.Question,
                ChatId = feedback.Helpful || feedback.Question is null ? null : feedback.Scope?.ChatId,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<(int Helpful, int Unhelpful)> CountAsync(string entryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var helpful = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM answer_feedback WHERE entry_id = @EntryId AND helpful = @Helpful",
            new { EntryId = entryId, Helpful = true }, cancellationToken: cancellationToken));
        var unhelpful = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM answer_feedback WHERE entry_id = @EntryId AND helpful = @Helpful",
            new { EntryId = entryId, Helpful = false }, cancellationToken: cancellationToken));
        return ((int)helpful, (int)unhelpful);
    }
}
