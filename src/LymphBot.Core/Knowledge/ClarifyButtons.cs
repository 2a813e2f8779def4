using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Buttons <c>sg:&lt;question key&gt;:&lt;entry id&gt;</c> under "Did you mean…?": answer with that entry and record
/// the pair (question asked, entry chosen) as a suggested phrasing for moderators.
/// </summary>
public sealed class ClarifyButtons(KnowledgeBase knowledge, ClarifyQuestions questions, ISuggestedPhrasingStore suggestions, TimeProvider time) : IButtonHandler
{
    public string Prefix => AnswerReplies.ClarifyPrefix;

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        var snapshot = knowledge.Snapshot;
        if (colon < 0 || snapshot.Find(payload[(colon + 1)..]) is not { } entry)
        {
            return Reply.Plain("That topic is no longer in my knowledge base. Ask me your question in your own words.");
        }

        if (questions.Recall(payload[..colon]) is { } question)
        {
            await suggestions.RecordAsync(question, entry.Id, message.Chat.Platform, time.GetUtcNow(), cancellationToken);
        }

        return AnswerReplies.ForEntry(entry, snapshot);
    }
}
