using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>Stands in for Core's <c>/ask</c>: passes the question to the registered answerer.</summary>
public sealed class AskCommand(IQuestionAnswerer answerer) : IChatCommand
{
    public CommandSpec Spec { get; } = new("ask", "Ask a question")
    {
        Parameters = [new CommandParameter("question", ParameterKind.Text, "Your question")],
    };

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        answerer.AnswerAsync(context.Message, context.Arguments, cancellationToken);
}
