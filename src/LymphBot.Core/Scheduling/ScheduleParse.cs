namespace LymphBot.Core.Scheduling;

/// <summary>
/// What <see cref="ScheduleParser"/> read: the schedule as typed, the zone (canonical IANA name) and the label, or one
/// line saying what is wrong, with an example. <see cref="Length"/> is how much of the text the schedule took.
/// </summary>
public sealed record ScheduleParse(ScheduleRequest? Request, string? Zone, string? Label, string? Error)
{
    /// <summary>Characters of the text the schedule itself took (before any zone and label).</summary>
    public int Length { get; init; }

    /// <summary>The text does not start with the schedule language at all (rather than starting with it wrongly).</summary>
    public bool FailedAtStart { get; init; }

    internal static ScheduleParse Failure(string error, bool atStart = false) => new(null, null, null, error) { FailedAtStart = atStart };
}
