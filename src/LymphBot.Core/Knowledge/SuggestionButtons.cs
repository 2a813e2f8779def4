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

        return await suggestions.ExecuteAsync(message, payload.Split(':', 2), cancellationToken);
    }
}
