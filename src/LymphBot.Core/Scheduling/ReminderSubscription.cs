using LymphBot.Core.Chat;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// A member's daily reminder: a wall-clock time in an IANA zone, and the address it goes to (stored with it, so the
/// bot can send unprompted).
/// </summary>
public sealed record ReminderSubscription(
    long Id,
    ChatUser Member,
    ChatAddress Chat,
    TimeOnly LocalTime,
    string TimeZone,
    ReminderState State,
    DateTimeOffset CreatedAt)
{
    public ReminderKind Kind { get; init; } = ReminderKind.Routine;

    /// <summary>When a pause by days ends by itself; <c>null</c> for pauses until resumed.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>Why it is paused: the member's choice, or what the platform said (blocked, DMs closed, ...).</summary>
    public string? PauseReason { get; init; }

    /// <summary>Whether it should fire at <paramref name="at"/>: active, or paused by days that have run out.</summary>
    public bool IsDueAt(DateTimeOffset at) => State == ReminderState.Active || (PausedUntil is { } until && until <= at);
}
