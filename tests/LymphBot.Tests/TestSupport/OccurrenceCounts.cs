namespace LymphBot.Tests.TestSupport;

/// <summary>Reminder occurrences (rows of <c>reminder_deliveries</c>) by state, and how many subscriptions they cover.</summary>
public sealed record OccurrenceCounts(IReadOnlyDictionary<string, int> ByState, int Subscriptions)
{
    public int Rows => ByState.Values.Sum();

    public int this[string state] => ByState.TryGetValue(state, out var count) ? count : 0;

    public override string ToString() =>
        $"{Rows} row(s) for {Subscriptions} subscription(s): {string.Join(", ", ByState.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
}
