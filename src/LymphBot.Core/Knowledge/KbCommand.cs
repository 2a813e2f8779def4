using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Moderators' view of the knowledge base: <c>/kb gaps</c> lists the most-asked unanswered questions;
/// <c>/kb suggestions</c> is handled by <see cref="KbSuggestions"/>.
/// </summary>
public sealed class KbCommand(IQuestionGapStore gaps, ModeratorGate gate, KbSuggestions suggestions) : IChatCommand
{
    private const int GapsShown = 10;

    public string Name => "kb";

    public string Usage => "/kb gaps | suggestions [approve|reject <id>]";

    public string Description => "Moderators: the most-asked questions I could not answer, and suggested phrasings to approve";

    public CommandAudience Audience => CommandAudience.Moderators;

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await gate.RefuseUnlessModeratorAsync(context.Message, "kb", context.Arguments, cancellationToken) is not null)
        {
            return Reply.Plain("Only moderators can use /kb.");
        }

        if (context.Words is ["suggestions", ..])
        {
            return await suggestions.ExecuteAsync(context.Message, [.. context.Words.Skip(1)], cancellationToken);
        }

        if (context.Words is not ["gaps"])
        {
            return Reply.Plain("Usage: /kb gaps (the most-asked questions I could not answer).");
        }

        var top = await gaps.TopAsync(GapsShown, cancellationToken);
        if (top.Count == 0)
        {
            return Reply.Plain("No unanswered questions so far.");
        }

        var sb = new StringBuilder("**Most-asked unanswered questions**");
        for (var i = 0; i < top.Count; i++)
        {
            var gap = top[i];
            sb.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. \"{ReplyMarkup.Escape(gap.Question)}\" — asked {gap.Count}×, last {gap.LastAsked:yyyy-MM-dd} on {gap.Platform}");
        }

        return new Reply(sb.ToString());
    }
}
