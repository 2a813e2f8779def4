using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Knowledge;

/// <summary>Buttons <c>kb:&lt;entry id&gt;</c>: show that entry, as if its question had been asked.</summary>
public sealed class TopicButtons(KnowledgeBase knowledge) : IButtonHandler
{
    public string Prefix => "kb";

    public Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Snapshot;
        var reply = snapshot.Find(payload) is { } entry
            ? AnswerReplies.ForEntry(entry, snapshot)
            : Reply.Plain("That topic is no longer in my knowledge base. Ask me your question in your own words.");
        return Task.FromResult<Reply?>(reply);
    }
}
