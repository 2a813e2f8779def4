using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;

namespace LymphBot.Core.Knowledge;

public sealed class AskCommand(IQuestionAnswerer answerer, UserRateLimiter rateLimiter) : IChatCommand
{
    public string Name => "ask";

    public string Usage => "/ask <question>";

    public string Description => "Ask a question about lymphatic massage";

    public IReadOnlyList<string> Examples => ["/ask what is lymphatic massage?", "/ask does it help with swelling?"];

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Arguments.Length == 0)
        {
            return Task.FromResult(Reply.Plain("Put your question after /ask, for example: /ask what is lymphatic massage?"));
        }

        if (context.Arguments.Length > InputText.MaxLength)
        {
            return Task.FromResult(Reply.Refusal($"That question is too long for me. Please ask in fewer than {InputText.MaxLength} characters."));
        }

        return rateLimiter.Throttle(context.Message.Sender) is { } throttled
            ? Task.FromResult(throttled)
            : answerer.AnswerAsync(context.Message, context.Arguments, cancellationToken);
    }
}
