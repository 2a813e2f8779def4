using LymphBot.Core.Chat;
using LymphBot.Core.Questions;
using LymphBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace LymphBot.Core.Knowledge;

/// <summary>The question path: ask the knowledge base, and put what it cannot answer in the moderators' inbox.</summary>
public sealed partial class KnowledgeAnswerer(
    KnowledgeBase knowledge,
    IQuestionGapStore gaps,
    ClarifyQuestions clarify,
    TimeProvider time,
    LymphBotMetrics metrics,
    ILogger<KnowledgeAnswerer> logger) : IQuestionAnswerer
{
    public async Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = time.GetTimestamp();
        var answer = knowledge.Ask(question);
        var elapsed = time.GetElapsedTime(started);
        var platform = new KeyValuePair<string, object?>("platform", message.Chat.Platform);
        metrics.AnswerDuration.Record(elapsed.TotalSeconds, platform);
        metrics.Questions.Add(1, new KeyValuePair<string, object?>("kind", answer.KindName), platform);

        // For tuning the threshold from logs: the outcome and score, never the question (it is the user's words).
        LogAnswered(answer.KindName, answer.Entry?.Id, answer.Score, elapsed.TotalMilliseconds);
        var scope = GapScope.Of(message.Chat, message.Kind);
        await gaps.CountAsync(scope, answer.Kind, time.GetUtcNow(), cancellationToken);
        if (answer.Kind == AnswerKind.NotFound && QuestionText.Normalize(question) is { Length: > 0 } normalized)
        {
            await gaps.RecordAsync(normalized, scope, time.GetUtcNow(), cancellationToken);
        }

        // "Did you mean…?" buttons carry a key to the question, so a tap can record the phrasing it meant; an answer's 👎
        // carries one so the vote can keep the question it was about.
        var key = answer.Kind is AnswerKind.Clarify or AnswerKind.Answer ? clarify.Remember(QuestionText.Normalize(question), message.Sender) : null;
        return AnswerReplies.ToReply(answer, knowledge.Snapshot, key);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Question answered: {Kind} (entry {EntryId}, confidence {Confidence:0.00}) in {ElapsedMs:0.0} ms")]
    private partial void LogAnswered(string kind, string? entryId, double confidence, double elapsedMs);
}
