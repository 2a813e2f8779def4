using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Buttons <c>fb:up:&lt;id&gt;</c> and <c>fb:down:&lt;id&gt;[:&lt;question key&gt;]</c>: store the member's vote on the
/// entry (one per member, the latest counts); a 👎 keeps the question it was about while it is still remembered, and only the asker's own 👎 does.
/// </summary>
public sealed class FeedbackButtons(KnowledgeBase knowledge, IAnswerFeedbackStore feedback, ClarifyQuestions questions, TimeProvider time) : IButtonHandler
{
    public string Prefix => "fb";

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        // Entry ids are lower-case letters, digits and dashes: the parts never hold a colon of their own.
        var parts = payload.Split(':');
        var vote = parts[0];
        var entryId = parts.Length > 1 ? parts[1] : string.Empty;
        if (vote is not ("up" or "down") || parts.Length > 3 || knowledge.Snapshot.Find(entryId) is null)
        {
            return Reply.Plain("That button no longer works, but thank you for the thought!") with { Private = true };
        }

        var question = vote == "down" && parts.Length == 3 ? questions.RecallOwn(parts[2], message.Sender) : null;
        await feedback.RecordAsync(
            new AnswerFeedback(entryId, vote == "up", message.Sender, time.GetUtcNow())
            {
                Question = question,
                Scope = question is null ? null : GapScope.Of(message.Chat, message.Kind),
            },
            cancellationToken);
        var text = vote == "up" ? "Thanks! Glad that helped." : "Thanks for telling me. Our moderators will look at this answer.";
        return Reply.Plain(text) with { Private = true };
    }
}
