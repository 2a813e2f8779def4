using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>A moderators' command that asks the real <see cref="ModeratorGate"/>, as Core's moderator commands do.</summary>
public sealed class GatedModeratorCommand(ModeratorGate gate) : IChatCommand
{
    public CommandSpec Spec { get; } = new("purge", "Moderators: a command members are refused")
    {
        Parameters = [new CommandParameter("what", ParameterKind.Text, "Anything") { Required = false }],
        Audience = CommandAudience.Moderators,
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await gate.RefuseUnlessModeratorAsync(context.Message, Spec.Name, context.Arguments, cancellationToken) ?? Reply.Plain("done");
    }
}
