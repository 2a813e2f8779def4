using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;

namespace LymphBot.Core.Tips;

/// <summary>
/// <c>/tip suggest</c> for everyone; <c>/tip add|queue|approve|reject|list|remove|post|log</c> for moderators.
/// Every moderator action is audited, refused ones included.
/// </summary>
public sealed class TipCommand(
    ITipStore tips,
    TipBoard board,
    ModeratorGate gate,
    IAuditLog audit,
    TipReview review,
    UserRateLimiter rateLimiter,
    TimeProvider time) : IChatCommand
{
    private const int Listed = 20;

    private static readonly CommandParameter TipId = new("tip", ParameterKind.Id, "The tip's number, as /tip list shows it") { SuggestFrom = ChatTipSuggester.Approved };

    private static readonly CommandParameter WaitingTipId = new("tip", ParameterKind.Id, "The suggestion's number, as /tip queue shows it") { SuggestFrom = ChatTipSuggester.Waiting };

    private static readonly CommandParameter TipText = new("text", ParameterKind.Text, "The tip, in one or two sentences") { Examples = ["Take slow, deep breaths before you start."] };

    public CommandSpec Spec { get; } = new("tip", "Suggest a tip; moderators add, review, list, remove and post tips")
    {
        Subcommands =
        [
            new Subcommand("suggest", "Suggest a tip for the moderators to review", [TipText]),
            Moderators(new Subcommand("add", "Add a tip to this chat's pool", [TipText])),
            Moderators(new Subcommand("queue", "Show the suggestions waiting for review", [])),
            Moderators(new Subcommand("approve", "Approve a suggestion", [WaitingTipId])),
            Moderators(new Subcommand("reject", "Reject a suggestion, with a reason for its author", [
                WaitingTipId,
                new CommandParameter("reason", ParameterKind.Text, "Why, sent to the member who suggested it") { Required = false, Examples = ["we have a similar tip already"] },
            ])),
            Moderators(new Subcommand("list", "List this chat's tips", [])),
            Moderators(new Subcommand("remove", "Remove a tip", [TipId])),
            Moderators(new Subcommand("post", "Post a tip here now: the next one, or the one you name", [TipId with { Required = false }])),
            Moderators(new Subcommand("log", "Show the recent moderator actions in this chat", [])),
        ],
        Examples = ["/tip suggest Take slow, deep breaths before you start.", "/tip queue", "/tip approve 4", "/tip post"],
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var invocation = context.Invocation;
        if (invocation.Subcommand is not { } action)
        {
            return Reply.Refusal("Usage: " + Spec.Usage + ". Send /help tip for details.");
        }

        if (action == "suggest")
        {
            return rateLimiter.Throttle(message.Sender) ?? await SuggestAsync(message, invocation.GetText("text")!, cancellationToken);
        }

        // The audit log keeps what followed the action, as typed.
        var detail = context.Arguments.Trim() is var typed && typed.StartsWith(action, StringComparison.OrdinalIgnoreCase) ? typed[action.Length..].Trim() : typed;
        if (await gate.RefuseUnlessModeratorAsync(message, "tip " + action, detail, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var id = invocation.GetNumber("tip");
        var reply = action switch
        {
            "add" => await AddAsync(message, invocation.GetText("text")!, cancellationToken),
            "queue" => await QueueAsync(message, cancellationToken),
            "approve" => await DecideAsync(message, id!.Value, null, approve: true, cancellationToken),
            "reject" => await DecideAsync(message, id!.Value, invocation.GetText("reason"), approve: false, cancellationToken),
            "list" => await ListAsync(message, cancellationToken),
            "remove" => await RemoveAsync(message, id!.Value, cancellationToken),
            "post" => await PostAsync(message, id, cancellationToken),
            _ => await LogAsync(message, cancellationToken),
        };
        await gate.RecordAsync(message, "tip " + action, detail, allowed: true, cancellationToken);

        return reply;
    }

    private async Task<Reply> SuggestAsync(IncomingMessage message, string text, CancellationToken cancellationToken)
    {
        if (TipBoard.Clean(text, out var problem) is not { } cleaned)
        {
            return Reply.Plain(problem!);
        }

        var tip = new Tip(0, cleaned, TipStatus.Pending, TipBoard.Community(message.Chat), time.GetUtcNow()) { SuggestedBy = message.Sender, SuggestedIn = message.Chat };
        var (stored, added) = await tips.AddAsync(tip, QuestionText.Normalize(cleaned, TipBoard.MaxLength), cancellationToken);
        return Reply.Plain(added
            ? $"Thank you! Your tip #{stored.Id} is waiting for a moderator to review it."
            : $"That tip is already known as #{stored.Id}.");
    }

    private async Task<Reply> AddAsync(IncomingMessage message, string text, CancellationToken cancellationToken)
    {
        if (TipBoard.Clean(text, out var problem) is not { } cleaned)
        {
            return Reply.Plain(problem!);
        }

        var (stored, added) = await tips.AddAsync(
            new Tip(0, cleaned, TipStatus.Approved, TipBoard.Community(message.Chat), time.GetUtcNow()), QuestionText.Normalize(cleaned, TipBoard.MaxLength), cancellationToken);
        return Reply.Plain(added ? $"Added tip #{stored.Id}." : $"That tip is already in the pool as #{stored.Id}. Nothing changed.");
    }

    private async Task<Reply> QueueAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var pending = await tips.ListAsync(TipBoard.Community(message.Chat), TipStatus.Pending, cancellationToken);
        return pending.Count == 0 ? Reply.Plain("No suggestions are waiting.") : Listing("**Suggestions waiting for review**", pending, "Approve with /tip approve <id> or reject with /tip reject <id> [reason].");
    }

    private async Task<Reply> DecideAsync(IncomingMessage message, long id, string? reason, bool approve, CancellationToken cancellationToken) =>
        await review.DecideAsync(message.Chat, id, approve, reason, cancellationToken) is { } tip
            ? Reply.Plain(approve ? $"Approved tip #{tip.Id}." : $"Rejected tip #{tip.Id}.")
            : Reply.Plain("No waiting suggestion has that id. Send /tip queue to see them.");

    private async Task<Reply> ListAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var own = await tips.ListAsync(TipBoard.Community(message.Chat), TipStatus.Approved, cancellationToken);
        var pool = await board.PoolAsync(message.Chat, cancellationToken);
        var seeds = pool.Count - own.Count;
        return own.Count == 0
            ? Reply.Plain($"This chat has no tips of its own yet; the pool holds {seeds} seed tips. Add one with /tip add <text>.")
            : Listing($"**Tips of this chat** (plus {seeds} seed tips)", own, "Remove one with /tip remove <id>.");
    }

    private async Task<Reply> RemoveAsync(IncomingMessage message, long id, CancellationToken cancellationToken)
    {
        if (await FindInCommunityAsync(message, id, cancellationToken) is not { } tip)
        {
            return Reply.Plain("This chat has no tip with that id. Send /tip list to see them.");
        }

        await tips.DeleteAsync(tip.Id, cancellationToken);
        return Reply.Plain($"Removed tip #{tip.Id}.");
    }

    private async Task<Reply> PostAsync(IncomingMessage message, long? id, CancellationToken cancellationToken)
    {
        string? text;
        if (id is { } chosen)
        {
            var tip = await FindInCommunityAsync(message, chosen, cancellationToken);
            text = tip?.Status == TipStatus.Approved ? tip.Text : null;
            if (text is null)
            {
                return Reply.Plain("This chat has no approved tip with that id. Send /tip list to see them.");
            }
        }
        else
        {
            text = await board.NextAsync(message.Chat, cancellationToken);
            if (text is null)
            {
                return Reply.Plain("The tip pool is empty. Add one with /tip add <text>.");
            }
        }

        return new Reply("💡 **Tip**\n" + ReplyMarkup.Escape(text));
    }

    private async Task<Reply> LogAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var entries = await audit.RecentAsync(message.Chat with { ThreadId = null }, Listed, cancellationToken);
        if (entries.Count == 0)
        {
            return Reply.Plain("No moderator actions recorded in this chat yet.");
        }

        var sb = new StringBuilder("**Moderator actions** (newest first)");
        foreach (var entry in entries)
        {
            var who = entry.Actor is { } actor ? $"{actor.DisplayName} ({actor.Platform}:{actor.UserId})" : "a forgotten user";
            sb.Append('\n').Append(entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(' ')
                .Append(ReplyMarkup.Escape(who)).Append(": ").Append(ReplyMarkup.Escape(entry.Action));
            if (entry.Detail.Length > 0)
            {
                sb.Append(' ').Append(ReplyMarkup.Escape(entry.Detail.Length > 60 ? entry.Detail[..60] + "…" : entry.Detail));
            }

            sb.Append(entry.Allowed ? string.Empty : " (refused)");
        }

        return new Reply(sb.ToString());
    }

    private async Task<Tip?> FindInCommunityAsync(IncomingMessage message, long id, CancellationToken cancellationToken)
    {
        var tip = await tips.FindAsync(id, cancellationToken);
        return tip?.Community == TipBoard.Community(message.Chat) ? tip : null;
    }

    private static Reply Listing(string heading, IReadOnlyList<Tip> list, string footer)
    {
        var sb = new StringBuilder(heading);
        foreach (var tip in list.Take(Listed))
        {
            sb.Append("\n#").Append(tip.Id).Append(' ').Append(ReplyMarkup.Escape(tip.Text.Length > 80 ? tip.Text[..80] + "…" : tip.Text));
        }

        if (list.Count > Listed)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n… and {list.Count - Listed} more");
        }

        return new Reply(sb.Append("\n\n").Append(ReplyMarkup.Escape(footer)).ToString());
    }

    /// <summary>Everyone sees <c>/tip</c> (to suggest); the gate checks the sender again for these, which only moderators may run.</summary>
    private static Subcommand Moderators(Subcommand subcommand) => subcommand with { Audience = CommandAudience.Moderators };
}
