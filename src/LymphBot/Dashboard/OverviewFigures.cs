namespace LymphBot.Dashboard;

/// <summary>
/// What the Overview shows for the chats in view, per UTC day from <see cref="FirstDay"/>. A series is <c>null</c>
/// when nothing stored can answer it for these chats (the page says so instead of drawing zeros).
/// </summary>
public sealed record OverviewFigures(
    DateOnly FirstDay,
    int Days,
    DailySeries RemindersDue,
    DailySeries OnTime,
    DailySeries Late,
    DailySeries Failed,
    DailySeries? Helpful,
    DailySeries? Unhelpful,
    long MembersWithActiveReminder)
{
    /// <summary>Questions per day: answered, clarified, not found, safety (in that order).</summary>
    public IReadOnlyList<DailySeries> QuestionsByKind { get; init; } = [];

    /// <summary>Members with at least one active reminder, per day (today live, earlier days from the hourly snapshots).</summary>
    public DailySeries? ActiveMembers { get; init; }
}
