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
    private readonly ReminderSchedule? _schedule;

    public ReminderKind Kind { get; init; } = ReminderKind.Routine;

    /// <summary>
    /// Which days it fires at <see cref="LocalTime"/>: every day unless the member chose otherwise (weekdays, every 2
    /// days, until a date, once). A schedule with several times of day is one subscription per time, each in its own
    /// slot, so a subscription still has one occurrence per local date; its schedule's times are its own.
    /// </summary>
    public ReminderSchedule Schedule
    {
        get => _schedule ?? ReminderSchedule.Daily(LocalTime);

        // Kept as "none" when it is the default, so a subscription read back equals one made without a schedule.
        init => _schedule = value is { IsPlainDaily: true } && value.Times[0] == LocalTime ? null : value;
    }

    /// <summary>
    /// Whether it fires on <paramref name="localDate"/>: what the slot fan-out asks of every subscription in the slot,
    /// so a plain daily one (most of them) answers without building its default schedule.
    /// </summary>
    public bool FiresOn(DateOnly localDate) => _schedule?.IncludesDate(localDate) ?? true;

    /// <summary>
    /// The first subscription of the routine this one belongs to (<c>8:00 and 20:00</c> is one routine, one subscription
    /// per time, each in its slot); <c>null</c> when it is the first, or a routine of one.
    /// </summary>
    public long? RoutineId { get; init; }

    /// <summary>The id members see, edit and stop the whole routine by.</summary>
    public long Routine => RoutineId ?? Id;

    /// <summary>The member's own words for it (<c>evening drainage</c>); <c>null</c> for none.</summary>
    public string? Label { get; init; }

    /// <summary>When a pause by days ends by itself; <c>null</c> for pauses until resumed.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>Why it is paused: the member's choice, or what the platform said (blocked, DMs closed, ...).</summary>
    public string? PauseReason { get; init; }

    /// <summary>Whether it should fire at <paramref name="at"/>: active, or paused by days that have run out.</summary>
    public bool IsDueAt(DateTimeOffset at) => State == ReminderState.Active || (PausedUntil is { } until && until <= at);
}
