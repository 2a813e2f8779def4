using LymphBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Moderation;

/// <summary>
/// The one rule for who moderates: ids in configuration, a chat administrator (as the platform reports), or, on
/// Discord, a member of a configured role. Adapters supply the facts; this decides.
/// </summary>
public sealed class Moderators(IOptions<ModeratorOptions> options)
{
    public bool IsModerator(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var configured = options.Value;
        return configured.Users.Contains($"{message.Sender.Platform}:{message.Sender.UserId}", StringComparer.OrdinalIgnoreCase)
            || message.Facts.IsChatAdministrator
            || (message.Sender.Platform == "discord" && message.Facts.RoleIds.Any(configured.DiscordRoleIds.Contains));
    }
}
