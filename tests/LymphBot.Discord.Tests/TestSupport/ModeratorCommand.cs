using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>A moderator-only command, to see registration and facts reach Core.</summary>
public sealed class ModeratorCommand : IChatCommand
{
    public CommandSpec Spec { get; } = new("tip", "Manage tips (moderators)")
    {
        Parameters =
        [
            new CommandParameter("action", ParameterKind.Choice, "What to do") { Required = false, Choices = ["add", "approve", "post"] },
            new CommandParameter("text", ParameterKind.Text, "The tip's text or id") { Required = false },
        ],
        Audience = CommandAudience.Moderators,
    };

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply($"admin={context.Message.Facts.IsChatAdministrator} roles={context.Message.Facts.RoleIds.Count} args={ReplyMarkup.Escape(context.Arguments)}") { Private = true });
}
