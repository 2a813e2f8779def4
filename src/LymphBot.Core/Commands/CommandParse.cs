namespace LymphBot.Core.Commands;

/// <summary>The outcome of parsing: an invocation, or the one line that says which parameter is wrong and what it accepts.</summary>
public readonly record struct CommandParse(CommandInvocation? Invocation, string? Error)
{
    public static CommandParse Success(CommandInvocation invocation) => new(invocation, null);

    public static CommandParse Failure(string error) => new(null, error);
}
