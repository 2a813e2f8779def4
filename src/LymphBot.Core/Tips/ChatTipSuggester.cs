using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;

namespace LymphBot.Core.Tips;

/// <summary>
/// Offers this chat's tips for the parameters that name one: its own tips (<see cref="Approved"/>) or the suggestions
/// waiting for review (<see cref="Waiting"/>), as "#4 Drink water before…". Moderators only: members see nothing.
/// </summary>
public sealed class ChatTipSuggester(ITipStore tips, Moderators moderators, TipStatus status, string source) : IValueSuggester
{
    public const string Approved = "chat-tips";
    public const string Waiting = "waiting-tips";

    private const int ShownText = 60;

    public string Source => source;

    public async Task<IReadOnlyList<ValueSuggestion>> SuggestAsync(IncomingMessage asker, string typed, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(typed);
        if (!moderators.IsModerator(asker))
        {
            return [];
        }

        var list = await tips.ListAsync(TipBoard.Community(asker.Chat), status, cancellationToken);
        return SuggestionFilter.Matching(
            list.Select(t => new ValueSuggestion(
                $"#{t.Id} {(t.Text.Length > ShownText ? t.Text[..ShownText] + "…" : t.Text)}",
                t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            typed,
            max);
    }
}
