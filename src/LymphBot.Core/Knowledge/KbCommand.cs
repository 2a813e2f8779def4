using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Moderators' view of the knowledge base. <c>/kb gaps</c> lists the most-asked unanswered questions: in a group it
/// shows that group's questions to its moderators; in a private chat it shows the questions asked in private chats,
/// and only to the moderators named in configuration (anyone can create a group and administer it).
/// <c>/kb suggestions</c> (handled by <see cref="KbSuggestions"/>) holds questions from every chat and changes the
/// answers everywhere, so it is for the configured moderators only, in a private chat.
/// </summary>
public sealed class KbCommand(IQuestionGapStore gaps, ModeratorGate gate, KbSuggestions suggestions) : IChatCommand
{
    private const int GapsShown = 10;

    private const string PrivateGapsRefusal =
        "Questions asked in private chats are shown only to the bot's configured moderators. " +
        "In a group, its moderators can send /kb gaps there to see that group's questions.";

    public CommandSpec Spec { get; } = new("kb", "Moderators: the most-asked questions I could not answer, and suggested phrasings to approve")
    {
        Subcommands =
        [
            new Subcommand("gaps", "The most-asked questions I could not answer", []),
            new Subcommand("suggestions", "Phrasings members chose from \"did you mean\", to approve or reject", [
                new CommandParameter("decision", ParameterKind.Choice, "approve or reject") { Required = false, Choices = ["approve", "reject"] },
                new CommandParameter("suggestion", ParameterKind.Id, "The suggestion's number, as the list shows it") { Required = false },
            ]),
        ],
        Audience = CommandAudience.Moderators,
        Examples = ["/kb gaps", "/kb suggestions", "/kb suggestions approve 3"],
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var isPrivate = message.Kind == ChatKind.Direct;
        var invocation = context.Invocation;
        if (invocation.Subcommand == "suggestions")
        {
            return await KbSuggestions.RefuseUnlessAllowedAsync(gate, message, context.Arguments, cancellationToken)
                ?? await suggestions.ExecuteAsync(message, invocation.GetText("decision"), invocation.GetNumber("suggestion"), cancellationToken);
        }

        var refusal = isPrivate
            ? await gate.RefuseUnlessConfiguredAsync(message, "kb", context.Arguments, PrivateGapsRefusal, cancellationToken)
            : await gate.RefuseUnlessModeratorAsync(message, "kb", context.Arguments, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invocation.Subcommand != "gaps")
        {
            return Reply.Refusal("Usage: /kb gaps (the most-asked questions I could not answer), or /kb suggestions.");
        }

        var scope = isPrivate ? GapScope.PrivateChats : GapScope.Group(message.Chat);
        var top = await gaps.TopAsync(scope, GapsShown, cancellationToken);
        if (top.Count == 0)
        {
            return Reply.Plain(isPrivate ? "No unanswered questions in private chats so far." : "No unanswered questions in this chat so far.");
        }

        var sb = new StringBuilder(isPrivate ? "**Most-asked unanswered questions in private chats**" : "**Most-asked unanswered questions in this chat**");
        for (var i = 0; i < top.Count; i++)
        {
            var gap = top[i];
            sb.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. \"{ReplyMarkup.Escape(gap.Question)}\" — asked {gap.Count}×, last {gap.LastAsked:yyyy-MM-dd}");
            if (isPrivate)
            {
                sb.Append(" on ").Append(gap.Platform);
            }
        }

        return new Reply(sb.ToString()) { Private = isPrivate };
    }
}
