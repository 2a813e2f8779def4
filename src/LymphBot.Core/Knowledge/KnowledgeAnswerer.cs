using LymphBot.Core.Chat;
using LymphBot.Core.Questions;

namespace LymphBot.Core.Knowledge;

/// <summary>The question path: ask the knowledge base, and put what it cannot answer in the moderators' inbox.</summary>
public sealed class KnowledgeAnswerer(KnowledgeBase knowledge, IQuestionGapStore gaps, TimeProvider time, Telemetry.LymphBotMetrics metrics) : IQuestionAnswerer
{
    public async Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = time.GetTimestamp();
        var answer = knowledge.Ask(question);
        var platform = new KeyValuePair<string, object?>("platform", message.Chat.Platform);
        metrics.AnswerDuration.Record(time.GetElapsedTime(started).TotalSeconds, platform);
        metrics.Questions.Add(1, new KeyValuePair<string, object?>("kind", answer.KindName), platform);
        if (answer.Kind == AnswerKind.NotFound && QuestionText.Normalize(question) is { Length: > 0 } normalized)
        {
            await gaps.RecordAsync(normalized, message.Chat.Platform, time.GetUtcNow(), cancellationToken);
        }

        return AnswerReplies.ToReply(answer, knowledge.Snapshot);
    }
}
