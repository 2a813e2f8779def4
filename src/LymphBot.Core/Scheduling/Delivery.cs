using LymphBot.Core.Chat;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// One occurrence of a reminder in the durable outbox, unique per subscription, local date and kind, so writing it
/// twice (a recovered job, two nodes) changes nothing.
/// </summary>
public sealed record Delivery(
    long Id,
    long SubscriptionId,
    ChatAddress Chat,
    DateOnly LocalDate,
    DeliveryKind Kind,
    DateTimeOffset DueAt,
    DeliveryState State,
    int Attempts,
    string Text)
{
    public string? Reason { get; init; }
}
