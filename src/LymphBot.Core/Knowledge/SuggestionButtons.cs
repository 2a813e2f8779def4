using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;

namespace LymphBot.Core.Knowledge;

/// <summary>Buttons <c>kbs:approve:&lt;id&gt;</c> and <c>kbs:reject:&lt;id&gt;</c> under <c>/kb suggestions</c>; configured moderators only, as the command.</summary>
public sealed class SuggestionButtons(KbSuggestions suggestions, ModeratorGate gate) : IButtonHandler
{
    public string Prefix => KbSuggestions.ButtonPrefix;

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (await KbSuggestions.RefuseUnlessAllowedAsync(gate, message, payload, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // Button data comes back from the platform as it was sent, but a forged one must still change nothing.
        return payload.Split(':', 2) is [var decision and ("approve" or "reject"), var id] && InputText.TryReadNumber(id, out var suggestion)
            ? await suggestions.ExecuteAsync(message, decision, suggestion, cancellationToken)
            : Reply.Refusal("That button no longer works. Send /kb suggestions to see the list again.");
    }
}
