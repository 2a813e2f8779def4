using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;
using LymphBot.Core.Sending;

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
    ChatPlatforms platforms,
    UserRateLimiter rateLimiter,
    TimeProvider time) : IChatCommand
{
    private const int Listed = 20;

    public string Name => "tip";

    public string Usage => "/tip suggest <text> | add <text> | queue | approve <id> | reject <id> [reason] | list | remove <id> | post [id] | log";

    public string Description => "Suggest a tip; moderators add, review, list, remove and post tips";

    public IReadOnlyList<string> Examples => ["/tip suggest Take slow, deep breaths before you start.", "/tip queue", "/tip approve 4", "/tip post"];

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var words = context.Words;
        var action = words.Count == 0 ? string.Empty : words[0].ToLowerInvariant();
        var rest = words.Count == 0 ? string.Empty : context.Arguments[words[0].Length..].Trim();
        if (action == "suggest")
        {
            return rateLimiter.Throttle(message.Sender) ?? await SuggestAsync(message, rest, cancellationToken);
        }

        if (action is not ("add" or "queue" or "approve" or "reject" or "list" or "remove" or "post" or "log"))
        {
            return Reply.Refusal("Usage: " + Usage);
        }

        if (await gate.RefuseUnlessModeratorAsync(message, "tip " + action, rest, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var reply = action switch
        {
            "add" => await AddAsync(message, rest, cancellationToken),
            "queue" => await QueueAsync(message, cancellationToken),
            "approve" => await DecideAsync(message, rest, approve: true, cancellationToken),
            "reject" => await DecideAsync(message, rest, approve: false, cancellationToken),
            "list" => await ListAsync(message, cancellationToken),
            "remove" => await RemoveAsync(message, rest, cancellationToken),
            "post" => await PostAsync(message, rest, cancellationToken),
            _ => await LogAsync(message, cancellationToken),
        };
        await gate.RecordAsync(message, "tip " + action, rest, allowed: true, cancellationToken);

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

    private async Task<Reply> DecideAsync(IncomingMessage message, string arguments, bool approve, CancellationToken cancellationToken)
    {
        var parts = arguments.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || await FindInCommunityAsync(message, parts[0], cancellationToken) is not { } tip || tip.Status != TipStatus.Pending)
        {
            return Reply.Plain("No waiting suggestion has that id. Send /tip queue to see them.");
        }

        await tips.SetStatusAsync(tip.Id, approve ? TipStatus.Approved : TipStatus.Rejected, cancellationToken);
        if (tip.SuggestedIn is { } where)
        {
            var reason = !approve && parts.Length > 1 ? $" Reason: {parts[1]}" : string.Empty;
            var outcome = approve ? $"Good news: your tip #{tip.Id} was approved and joins the tip of the day." : $"Your tip #{tip.Id} was not added.{reason}";
            // One attempt: the suggester may have left or blocked the bot, and the decision stands either way.
            await platforms.SendAsync(where, Reply.Plain(outcome), SendRequest.Unprompted, cancellationToken);
        }

        return Reply.Plain(approve ? $"Approved tip #{tip.Id}." : $"Rejected tip #{tip.Id}.");
    }

    private async Task<Reply> ListAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var own = await tips.ListAsync(TipBoard.Community(message.Chat), TipStatus.Approved, cancellationToken);
        var pool = await board.PoolAsync(message.Chat, cancellationToken);
        var seeds = pool.Count - own.Count;
        return own.Count == 0
            ? Reply.Plain($"This chat has no tips of its own yet; the pool holds {seeds} seed tips. Add one with /tip add <text>.")
            : Listing($"**Tips of this chat** (plus {seeds} seed tips)", own, "Remove one with /tip remove <id>.");
    }

    private async Task<Reply> RemoveAsync(IncomingMessage message, string id, CancellationToken cancellationToken)
    {
        if (await FindInCommunityAsync(message, id, cancellationToken) is not { } tip)
        {
            return Reply.Plain("This chat has no tip with that id. Send /tip list to see them.");
        }

        await tips.DeleteAsync(tip.Id, cancellationToken);
        return Reply.Plain($"Removed tip #{tip.Id}.");
    }

    private async Task<Reply> PostAsync(IncomingMessage message, string id, CancellationToken cancellationToken)
    {
        string? text;
        if (id.Length > 0)
        {
            var tip = await FindInCommunityAsync(message, id, cancellationToken);
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

    private async Task<Tip?> FindInCommunityAsync(IncomingMessage message, string id, CancellationToken cancellationToken)
    {
        if (!InputText.TryReadNumber(id, out var n))
        {
            return null;
        }

        var tip = await tips.FindAsync(n, cancellationToken);
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
}
