using LymphBot.Core.Chat;

namespace LymphBot.Core.Questions;

/// <summary>Stands in for the knowledge base until one is registered.</summary>
public sealed class PlaceholderAnswerer : IQuestionAnswerer
{
    public Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Plain("I can't answer questions yet: my knowledge base is not loaded. Send /help to see what I can do."));
}
