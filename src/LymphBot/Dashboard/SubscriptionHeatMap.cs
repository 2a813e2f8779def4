namespace LymphBot.Dashboard;

/// <summary>
/// Active reminders by time zone (rows, busiest first) and local hour of the day (24 columns). Zones past the busiest
/// few are added up in one last row, so the map stays readable with hundreds of zones.
/// </summary>
public sealed record SubscriptionHeatMap(IReadOnlyList<string> Zones, IReadOnlyList<IReadOnlyList<long>> CountsByHour)
{
    public long Total => CountsByHour.Sum(row => row.Sum());
}
