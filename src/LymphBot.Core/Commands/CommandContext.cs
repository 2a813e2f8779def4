using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>A parsed command invocation: the message it came in, its checked arguments, and the registered commands.</summary>
public sealed record CommandContext(IncomingMessage Message, CommandInvocation Invocation, IReadOnlyList<IChatCommand> Commands)
{
    /// <summary>The arguments as typed, for the audit log.</summary>
    public string Arguments => Invocation.Text;
}
