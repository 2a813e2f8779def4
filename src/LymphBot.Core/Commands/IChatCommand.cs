using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>
/// A slash command. It declares its grammar once in <see cref="Spec"/>; the router parses against it before the
/// command runs, and <c>/help</c>, Telegram's menus and Discord's command set are generated from it.
/// </summary>
public interface IChatCommand
{
    CommandSpec Spec { get; }

    /// <summary>Runs an invocation that matched <see cref="Spec"/>.</summary>
    Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
