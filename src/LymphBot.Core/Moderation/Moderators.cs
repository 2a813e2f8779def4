using LymphBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Moderation;

/// <summary>
/// The one rule for who moderates: ids in configuration, a chat administrator (as the platform reports), or, on
/// Discord, a member of a configured role. Adapters supply the facts; this decides.
/// </summary>
public sealed class Moderators(IOptions<ModeratorOptions> options)
{
    /// <summary>Moderates this chat: configured, or an administrator of it, or (Discord) holds a moderator role.</summary>
    public bool IsModerator(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var configured = options.Value;
        return IsConfigured(message.Sender)
            || message.Facts.IsChatAdministrator
            || (message.Sender.Platform == "discord" && message.Facts.RoleIds.Any(configured.DiscordRoleIds.Contains));
    }

    /// <summary>
    /// Named in <c>Moderators:Users</c>: chosen by whoever runs the bot, unlike a chat administrator, which anyone
    /// becomes by creating a group. Only they may read what members asked in private chats.
    /// </summary>
    public bool IsConfigured(ChatUser member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return options.Value.Users.Contains($"{member.Platform}:{member.UserId}", StringComparer.OrdinalIgnoreCase);
    }
}
