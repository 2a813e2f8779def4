namespace LymphBot.Core.Commands;

/// <summary>A verb of a command, such as <c>/remind pause</c>, with its own parameters.</summary>
public sealed record Subcommand(string Name, string Description, IReadOnlyList<CommandParameter> Parameters)
{
    /// <summary>Who may run it, when it differs from the command's (<c>/tip suggest</c> is for everyone).</summary>
    public CommandAudience? Audience { get; init; }
}
