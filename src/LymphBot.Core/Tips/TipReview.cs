using LymphBot.Core.Chat;
using LymphBot.Core.Sending;

namespace LymphBot.Core.Tips;

/// <summary>
/// Approving or rejecting a suggested tip, from chat (<c>/tip approve|reject</c>) or the dashboard alike: only a
/// waiting tip of the same community, and the member who suggested it hears the outcome (with the reason, if any).
/// </summary>
public sealed class TipReview(ITipStore tips, ChatPlatforms platforms)
{
    /// <summary>The decided tip, or <c>null</c> when <paramref name="community"/> has no waiting suggestion with that id.</summary>
    public async Task<Tip?> DecideAsync(ChatAddress community, long id, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var tip = await tips.FindAsync(id, cancellationToken);
        if (tip?.Community != TipBoard.Community(community) || tip.Status != TipStatus.Pending)
        {
            return null;
        }

        await tips.SetStatusAsync(tip.Id, approve ? TipStatus.Approved : TipStatus.Rejected, cancellationToken);
        if (tip.SuggestedIn is { } where)
        {
            var because = !approve && !string.IsNullOrWhiteSpace(reason) ? $" Reason: {reason}" : string.Empty;
            var outcome = approve ? $"Good news: your tip #{tip.Id} was approved and joins the tip of the day." : $"Your tip #{tip.Id} was not added.{because}";

            // One attempt: the suggester may have left or blocked the bot, and the decision stands either way.
            await platforms.SendAsync(where, Reply.Plain(outcome), SendRequest.Unprompted, cancellationToken);
        }

        return tip with { Status = approve ? TipStatus.Approved : TipStatus.Rejected };
    }
}
