using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tips;

/// <summary>A chat's tip of the day: the next tip in the chat's rotation, chosen once per day.</summary>
public sealed class TipOfTheDayContent(TipBoard tips, IOccurrenceStore deliveries) : IScheduledContent
{
    public ReminderKind Kind => ReminderKind.TipOfTheDay;

    public async Task<string?> ComposeAsync(ReminderSubscription subscription, DateOnly localDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);

        // Choosing a tip records it as posted, so it is chosen only for a day that has no occurrence yet (a slot job
        // that runs twice must not use up a second tip).
        if (await deliveries.ExistsAsync(subscription.Id, localDate, DeliveryKind.Daily, cancellationToken))
        {
            return null;
        }

        return await tips.NextAsync(subscription.Chat, cancellationToken) is { Length: > 0 } tip ? tip : null;
    }

    public Reply Render(Delivery delivery, ReminderSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new("💡 **Tip of the day**\n" + ReplyMarkup.Escape(delivery.Text)) { IdempotencyKey = $"rem-{delivery.Id}" };
    }
}
