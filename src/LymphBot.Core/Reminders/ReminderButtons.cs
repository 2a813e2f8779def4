using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>rem:done:&lt;delivery&gt;</c> records that the routine is done (no more nudges that day);
/// <c>rem:snooze:&lt;delivery&gt;</c> delivers once more, 30 minutes later, once a day.
/// </summary>
public sealed class ReminderButtons(
    IDeliveryHistory history,
    IOccurrenceStore queue,
    IReminderStore reminders,
    ReminderSignal signal,
    TimeProvider time,
    IOptions<ReminderOptions> options) : IButtonHandler
{
    public string Prefix => "rem";

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await history.FindAsync(id, cancellationToken) is not { } delivery
            || await reminders.FindAsync(delivery.SubscriptionId, cancellationToken) is not { } subscription
            || subscription.Member.Platform != message.Sender.Platform || subscription.Member.UserId != message.Sender.UserId)
        {
            return Reply.Plain("That reminder button no longer works.") with { Private = true };
        }

        switch (parts[0])
        {
            case "done":
                await queue.SkipPendingAsync(subscription.Id, delivery.LocalDate, "done", cancellationToken);
                return Reply.Plain("Well done! No more nudges today.") with { Private = true };
            case "snooze":
                var due = time.GetUtcNow() + options.Value.SnoozeDelay;
                var snooze = new Delivery(0, subscription.Id, delivery.Chat, delivery.LocalDate, DeliveryKind.Snooze, due, DeliveryState.Pending, 0, delivery.Text);
                var added = await queue.EnqueueManyAsync([snooze], cancellationToken) > 0;
                signal.Notify();
                var text = added
                    ? $"Snoozed: I'll remind you again in {options.Value.SnoozeDelay.TotalMinutes:0} minutes."
                    : "You've already snoozed today's reminder once.";
                return Reply.Plain(text) with { Private = true };
            default:
                return Reply.Plain("That reminder button no longer works.") with { Private = true };
        }
    }
}
