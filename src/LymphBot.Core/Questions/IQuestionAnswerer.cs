using LymphBot.Core.Chat;

namespace LymphBot.Core.Questions;

/// <summary>The question path: free text (and <c>/ask</c>) that is not a command.</summary>
public interface IQuestionAnswerer
{
    Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken);
}
