using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>A moderators-only command, to see which command menus list it.</summary>
public sealed class ModeratorCommand : IChatCommand
{
    public CommandSpec Spec { get; } = new("approve", "Approve a suggested tip")
    {
        Parameters = [new CommandParameter("tip", ParameterKind.Id, "The tip's number") { Required = false }],
        Audience = CommandAudience.Moderators,
    };

    /// <summary>Answers with the platform fact the adapter supplied, so tests see whether admin status arrived.</summary>
    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Plain(context.Message.Facts.IsChatAdministrator ? "approved" : "refused: not an administrator"));
}
