using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;

namespace LymphBot.Core.Knowledge;

public sealed class AskCommand(IQuestionAnswerer answerer, UserRateLimiter rateLimiter) : IChatCommand
{
    public CommandSpec Spec { get; } = new("ask", "Ask a question about lymphatic massage")
    {
        Parameters = [new CommandParameter("question", ParameterKind.Text, "Your question, for example: does it help with swelling?") { Examples = ["does it help with swelling?"] }],
        Examples = ["/ask what is lymphatic massage?", "/ask does it help with swelling?"],
    };

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var question = context.Invocation.GetText("question") ?? string.Empty;
        if (question.Length > InputText.MaxLength)
        {
            return Task.FromResult(Reply.Refusal($"That question is too long for me. Please ask in fewer than {InputText.MaxLength} characters."));
        }

        return rateLimiter.Throttle(context.Message.Sender) is { } throttled
            ? Task.FromResult(throttled)
            : answerer.AnswerAsync(context.Message, question, cancellationToken);
    }
}
