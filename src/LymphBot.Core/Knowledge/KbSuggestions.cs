using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Moderation;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// <c>/kb suggestions</c> for moderators: the phrasings members chose under "Did you mean…?", with approve and
/// reject (as buttons <c>kbs:approve:&lt;id&gt;</c> / <c>kbs:reject:&lt;id&gt;</c> or typed). An approved phrasing joins
/// its entry at once.
/// </summary>
public sealed class KbSuggestions(ISuggestedPhrasingStore store, KnowledgeBase knowledge, ModeratorGate gate)
{
    public const string ButtonPrefix = "kbs";
    // Five rows of buttons: as many as a Discord message can carry.
    private const int Shown = 5;

    /// <summary>Handles the words after <c>/kb suggestions</c>: nothing (list), or <c>approve|reject &lt;id&gt;</c>.</summary>
    public async Task<Reply> ExecuteAsync(IncomingMessage message, string? decision, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (decision, id) switch
        {
            (null, null) => await ListAsync(cancellationToken),
            ({ } action, { } suggestion) => await DecideAsync(message, action, suggestion, cancellationToken),
            _ => Reply.Plain("Usage: /kb suggestions, /kb suggestions approve <id>, /kb suggestions reject <id>."),
        };
    }

    private const string Refusal =
        "Suggested phrasings come from every chat and change the answers everywhere, so they are shown only to the " +
        "bot's configured moderators, in a private chat with the bot.";

    /// <summary>
    /// Suggestions quote questions from every chat, private ones included, and an approval changes answers in every
    /// chat: only the configured moderators may see or decide them, and only in a private chat, never a group's
    /// administrators (anyone can create a group).
    /// </summary>
    public static async Task<Reply?> RefuseUnlessAllowedAsync(ModeratorGate gate, IncomingMessage message, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(message);
        var refusal = await gate.RefuseUnlessConfiguredAsync(message, "kb suggestions", detail, Refusal, cancellationToken);
        if (refusal is null && message.Kind != ChatKind.Direct)
        {
            await gate.RecordAsync(message, "kb suggestions", detail, allowed: false, cancellationToken);
            refusal = Reply.Refusal(Refusal);
        }

        return refusal;
    }

    /// <summary>Makes the approved phrasings part of the base (at start, and after each approval).</summary>
    public async Task LoadApprovedAsync(CancellationToken cancellationToken) =>
        knowledge.UsePhrasings(await store.ListAsync(SuggestionStatus.Approved, cancellationToken));

    private async Task<Reply> ListAsync(CancellationToken cancellationToken)
    {
        var pending = await store.ListAsync(SuggestionStatus.Pending, cancellationToken);
        if (pending.Count == 0)
        {
            return Reply.Plain("No suggested phrasings are waiting.");
        }

        var sb = new StringBuilder("**Suggested phrasings** (question asked → entry chosen)");
        var buttons = new List<IReadOnlyList<ReplyButton>>();
        foreach (var suggestion in pending.Take(Shown))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n#{suggestion.Id} \"{ReplyMarkup.Escape(suggestion.Question)}\" → `{ReplyMarkup.Escape(suggestion.EntryId)}` ({suggestion.Count}×)");
            buttons.Add([new ReplyButton($"✅ #{suggestion.Id}", $"{ButtonPrefix}:approve:{suggestion.Id}"), new ReplyButton($"❌ #{suggestion.Id}", $"{ButtonPrefix}:reject:{suggestion.Id}")]);
        }

        if (pending.Count > Shown)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n… and {pending.Count - Shown} more");
        }

        return new Reply(sb.ToString()) { Buttons = buttons, Private = true };
    }

    private async Task<Reply> DecideAsync(IncomingMessage message, string action, long n, CancellationToken cancellationToken)
    {
        var approve = action == "approve";
        var decided = await store.DecideAsync(n, approve ? SuggestionStatus.Approved : SuggestionStatus.Rejected, cancellationToken);
        await gate.RecordAsync(message, "kb suggestions " + action, n.ToString(CultureInfo.InvariantCulture), allowed: true, cancellationToken);
        if (decided is null)
        {
            return Reply.Plain("No waiting suggestion has that id. Send /kb suggestions to see them.");
        }

        if (!approve)
        {
            return Reply.Plain($"Rejected suggestion #{decided.Id}.");
        }

        await LoadApprovedAsync(cancellationToken);
        return Reply.Plain($"Approved suggestion #{decided.Id}: \"{decided.Question}\" now answers with {decided.EntryId}.");
    }
}
