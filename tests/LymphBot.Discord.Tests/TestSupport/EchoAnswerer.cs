using LymphBot.Core.Chat;
using LymphBot.Core.Questions;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>Answers every question with "You asked: …", citing a source, so tests see what reached Core.</summary>
public sealed class EchoAnswerer : IQuestionAnswerer
{
    public Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply("You asked: " + ReplyMarkup.Escape(question)) { Citation = "Test source, ¶1" });
}
