namespace LymphBot.Dashboard;

/// <summary>One value per day, for a chart: its name, colour and the values from the first day on.</summary>
public sealed record DailySeries(string Name, string Colour, IReadOnlyList<long> Values)
{
    public long Total => Values.Sum();
}
