using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>A member's daily routine: a rotating prompt from the knowledge base, with the day's seed tip, and Done/Snooze buttons.</summary>
public sealed class RoutineReminderContent(KnowledgeBase knowledge) : IScheduledContent
{
    public ReminderKind Kind => ReminderKind.Routine;

    public Task<string?> ComposeAsync(ReminderSubscription subscription, DateOnly localDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var snapshot = knowledge.Snapshot;
        var prompt = ReminderPrompts.For(subscription.Id, localDate, snapshot.Reminders)?.Text ?? "Time for your daily routine.";
        return Task.FromResult<string?>(
            ReminderPrompts.TipOfTheDay(localDate, snapshot.Tips) is { } tip ? $"{prompt}\n\n💡 Tip of the day: {tip.Text}" : prompt);
    }

    public Reply Render(Delivery delivery, ReminderSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(subscription);
        return ReminderText.Delivery(delivery.Id, subscription.LocalTime, delivery.Text, delivery.Kind, subscription.Label);
    }
}
