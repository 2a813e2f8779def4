using LymphBot.Core.Chat;
using LymphBot.Core.Questions;

namespace LymphBot.Testing.Questions;

/// <summary>Answers every question with "You asked: …": the question path for tests that are not about answers.</summary>
public sealed class EchoAnswerer : IQuestionAnswerer
{
    public Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply("You asked: " + ReplyMarkup.Escape(question)));
}
