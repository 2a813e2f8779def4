using LymphBot.Core.Chat;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// One occurrence of a reminder in the durable outbox, unique per subscription, local date, kind and sequence, so
/// writing it twice (a recovered job, two nodes, a button pressed twice) changes nothing.
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

    /// <summary>Which snooze (or follow-up) of the occurrence this is, from 1; 0 for the occurrence itself.</summary>
    public int Sequence { get; init; }
}
