using LymphBot.Core.Chat;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// What one kind of schedule posts: the text of each new occurrence and the message a delivery becomes. Reminders
/// and Tips each provide theirs, so the scheduling machinery (slots, fan-out, outbox, sender) knows neither.
/// </summary>
public interface IScheduledContent
{
    ReminderKind Kind { get; }

    /// <summary>The text of the occurrence on <paramref name="localDate"/>; <c>null</c> to post nothing this time.</summary>
    Task<string?> ComposeAsync(ReminderSubscription subscription, DateOnly localDate, CancellationToken cancellationToken);

    /// <summary>The message a delivery is sent as, buttons included.</summary>
    Reply Render(Delivery delivery, ReminderSubscription subscription);
}
