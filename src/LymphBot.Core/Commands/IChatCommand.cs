using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>
/// A slash command. <c>/help</c> is generated from <see cref="Name"/>, <see cref="Usage"/> and
/// <see cref="Description"/>, so a command documents itself by existing.
/// </summary>
public interface IChatCommand
{
    /// <summary>The name without the slash, lower case, e.g. <c>remind</c>.</summary>
    string Name { get; }

    /// <summary>The grammar, e.g. <c>/remind &lt;time&gt; [zone]</c>.</summary>
    string Usage { get; }

    /// <summary>One line saying what it does.</summary>
    string Description { get; }

    /// <summary>Examples shown by <c>/help name</c>.</summary>
    IReadOnlyList<string> Examples => [];

    /// <summary>Who may run it; platforms use this to show moderator commands only to moderators.</summary>
    CommandAudience Audience => CommandAudience.Everyone;

    Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
