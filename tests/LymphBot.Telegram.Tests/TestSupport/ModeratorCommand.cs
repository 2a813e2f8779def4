using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>A moderators-only command, to see which command menus list it.</summary>
public sealed class ModeratorCommand : IChatCommand
{
    public string Name => "approve";

    public string Usage => "/approve <id>";

    public string Description => "Approve a suggested tip";

    public CommandAudience Audience => CommandAudience.Moderators;

    /// <summary>Answers with the platform fact the adapter supplied, so tests see whether admin status arrived.</summary>
    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Plain(context.Message.Facts.IsChatAdministrator ? "approved" : "refused: not an administrator"));
}
