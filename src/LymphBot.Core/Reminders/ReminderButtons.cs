using System.Globalization;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Reminders;

/// <summary>
/// The buttons on a delivered reminder. <c>rem:done:&lt;delivery&gt;</c> and <c>rem:skip:&lt;delivery&gt;</c> store
/// how the occurrence ended and cancel its pending nudges; <c>rem:snooze:&lt;delivery&gt;:&lt;minutes&gt;</c> writes
/// the occurrence to the outbox once more, that much later (15, 60 or 180 minutes), at most
/// <see cref="MaxSnoozes"/> times. A snooze's number follows from the message pressed (the original is 0, its snooze
/// 1, ...), so pressing the same button twice writes the same row and sends it once.
/// </summary>
public sealed class ReminderButtons(
    IDeliveryHistory history,
    IOccurrenceStore queue,
    IOutcomeStore outcomes,
    IReminderStore reminders,
    ReminderSignal signal,
    TimeProvider time,
    IOptions<ReminderOptions> options) : IButtonHandler
{
    public const int MaxSnoozes = 3;

    /// <summary>The snoozes offered, in minutes; a press with any other number changes nothing.</summary>
    public static readonly IReadOnlyList<int> SnoozeMinutes = [15, 60, 180];

    public string Prefix => "rem";

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split(':');
        if (parts.Length is < 2 or > 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await history.FindAsync(id, cancellationToken) is not { } delivery
            || await reminders.FindAsync(delivery.SubscriptionId, cancellationToken) is not { } subscription
            || subscription.Member.Platform != message.Sender.Platform || subscription.Member.UserId != message.Sender.UserId)
        {
            return NoLongerWorks;
        }

        var settled = await outcomes.FindAsync(subscription.Id, delivery.LocalDate, cancellationToken);
        if (settled == OccurrenceOutcome.Missed)
        {
            return Private("That reminder's time has passed (its next one has been sent), so it stays missed. The next one has its own buttons.");
        }

        return (parts[0], parts.Length) switch
        {
            ("done", 2) => await TickAsync(subscription, delivery, OccurrenceOutcome.Done, cancellationToken),
            ("skip", 2) => await TickAsync(subscription, delivery, OccurrenceOutcome.Skipped, cancellationToken),
            ("snooze", _) when settled.IsTicked() =>
                Private("You've already ticked this one off, so there is nothing to snooze."),
            ("snooze", _) when settled is not null =>
                Private($"That day is {(settled == OccurrenceOutcome.Rest ? "a rest day" : "paused")}, so there is nothing to snooze."),
            ("snooze", 2) => await SnoozeAsync(subscription, delivery, options.Value.SnoozeDelay, cancellationToken), // buttons sent before there was a choice
            ("snooze", 3) when int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && SnoozeMinutes.Contains(minutes) =>
                await SnoozeAsync(subscription, delivery, TimeSpan.FromMinutes(minutes), cancellationToken),
            _ => NoLongerWorks,
        };
    }

    private async Task<Reply> TickAsync(ReminderSubscription subscription, Delivery delivery, OccurrenceOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome == OccurrenceOutcome.Done && await queue.ExistsAsync(subscription.Id, delivery.LocalDate, DeliveryKind.Snooze, cancellationToken))
        {
            outcome = OccurrenceOutcome.SnoozedThenDone;
        }

        // One step: a nudge the sender has claimed already finds the outcome and is not sent; the rest are skipped with it.
        await outcomes.SettleAsync(subscription.Id, subscription.Member, delivery.LocalDate, outcome, time.GetUtcNow(), outcome == OccurrenceOutcome.Skipped ? "skipped" : "done", cancellationToken);
        return Private(outcome == OccurrenceOutcome.Skipped
            ? "Skipped for today. No more nudges until the next one."
            : "Well done! No more nudges today.");
    }

    private async Task<Reply> SnoozeAsync(ReminderSubscription subscription, Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        var number = delivery.Kind == DeliveryKind.Snooze ? delivery.Sequence + 1 : 1;
        if (number > MaxSnoozes)
        {
            return Private($"That's {MaxSnoozes} snoozes for this one already, the most I do. Press Done or Skip when you're ready.");
        }

        var snooze = new Delivery(0, subscription.Id, delivery.Chat, delivery.LocalDate, DeliveryKind.Snooze, time.GetUtcNow() + delay, DeliveryState.Pending, 0, delivery.Text)
        {
            Sequence = number,
        };
        // The member chose when to hear of it again: the day's follow-ups still pending make way for the snooze, in the
        // same transaction, so there is never a snooze with live follow-ups, nor follow-ups skipped for no snooze.
        if (!await queue.SnoozeAsync(snooze, "snoozed", cancellationToken))
        {
            return Private("You've already snoozed this message; the snoozed one will have its own buttons.");
        }

        signal.Notify();
        return Private($"Snoozed: I'll remind you again in {ReminderText.Duration(delay)} (snooze {number} of {MaxSnoozes}).");
    }

    private static Reply NoLongerWorks => Private("That reminder button no longer works.");

    private static Reply Private(string text) => Reply.Plain(text) with { Private = true };
}
