using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>A moderator-only command, to see registration and facts reach Core.</summary>
public sealed class ModeratorCommand : IChatCommand
{
    public string Name => "tip";

    public string Usage => "/tip <action> [text]";

    public string Description => "Manage tips (moderators)";

    public CommandAudience Audience => CommandAudience.Moderators;

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply($"admin={context.Message.Facts.IsChatAdministrator} roles={context.Message.Facts.RoleIds.Count} args={ReplyMarkup.Escape(context.Arguments)}") { Private = true });
}
