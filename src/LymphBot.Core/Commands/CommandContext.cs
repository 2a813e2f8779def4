using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>A parsed command invocation: the message it came in, its arguments, and the registered commands.</summary>
public sealed record CommandContext(IncomingMessage Message, string Arguments, IReadOnlyList<IChatCommand> Commands)
{
    /// <summary>The arguments split on whitespace.</summary>
    public IReadOnlyList<string> Words { get; } =
        Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
