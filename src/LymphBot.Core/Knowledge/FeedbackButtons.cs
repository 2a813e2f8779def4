using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Knowledge;

/// <summary>Buttons <c>fb:up:&lt;id&gt;</c> and <c>fb:down:&lt;id&gt;</c>: store the member's vote on the entry (one per member, the latest counts).</summary>
public sealed class FeedbackButtons(KnowledgeBase knowledge, IAnswerFeedbackStore feedback, TimeProvider time) : IButtonHandler
{
    public string Prefix => "fb";

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        var vote = colon < 0 ? payload : payload[..colon];
        var entryId = colon < 0 ? string.Empty : payload[(colon + 1)..];
        if (vote is not ("up" or "down") || knowledge.Snapshot.Find(entryId) is null)
        {
            return Reply.Plain("That button no longer works, but thank you for the thought!") with { Private = true };
        }

        await feedback.RecordAsync(new AnswerFeedback(entryId, vote == "up", message.Sender, time.GetUtcNow()), cancellationToken);
        var text = vote == "up" ? "Thanks! Glad that helped." : "Thanks for telling me. Our moderators will look at this answer.";
        return Reply.Plain(text) with { Private = true };
    }
}
