using LymphBot.Core.Chat;
using LymphBot.Core.Questions;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>Holds every answer until the test calls <see cref="Release"/>: a slow knowledge base without a clock.</summary>
public sealed class GatedAnswerer : IQuestionAnswerer
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        return new Reply("Slow answer to: " + ReplyMarkup.Escape(question));
    }
}
