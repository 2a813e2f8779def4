using LymphBot.Core.Scheduling;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// One reminder of a <see cref="ScheduleMix"/>: its label (which the console prints, so its sends can be counted), and
/// what the outbox must hold for it once the test has run: one row per (kind, sequence), in that final state, for the
/// local date of its slot minute.
/// </summary>
public sealed record MixedReminder(long Id, string Label, TimeOnly Time, DateOnly Date, bool Finishes, IReadOnlyList<(DeliveryKind Kind, int Sequence, DeliveryState State)> Expected)
{
    /// <summary>Whether its schedule has a day in the test at all; one that has none must write no row and print nothing.</summary>
    public bool Fires => Expected.Count > 0;

    /// <summary>
    /// The line of the console's print that tells its occurrence apart when it is not a routine's: a program step's
    /// heading, or in a weekly recap the line of the routine it recaps (its own heading names only the week, the same
    /// for every member); <c>null</c> for a routine, whose first line names its label.
    /// </summary>
    public string? Heading { get; init; }

    /// <summary>The outcome its date must have in the end (a planned rest day stays Rest, never Missed); <c>null</c>: not checked.</summary>
    public string? Outcome { get; init; }

    /// <summary>
    /// The first line the console prints for one of its sends of <paramref name="kind"/> (the label is plain words,
    /// so escaping leaves it as it is).
    /// </summary>
    public Func<string, bool> Printed(DeliveryKind kind)
    {
        var header = kind switch
        {
            DeliveryKind.FollowUp => $"🔔 Still to do: {Label} ({ReminderTime.Format(Time)})",
            DeliveryKind.Snooze => $"⏰ Snoozed reminder: {Label}",
            _ => Heading ?? $"🌿 {Label} ({ReminderTime.Format(Time)})",
        };
        return line => string.Equals(line, header, StringComparison.Ordinal);
    }
}
