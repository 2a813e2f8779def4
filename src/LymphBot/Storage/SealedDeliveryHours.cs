namespace LymphBot.Storage;

/// <summary>
/// The delivery health page's tallies of closed hours, per hour of first-due time and platform, kept in this process
/// so a view reads only the open hours' rows. An hour is sealed once it is before the boundary stored in
/// <c>dashboard_versions</c> (<c>deliveries-sealed</c>, moved forward by <see cref="SqlDeliveryHealthQuery"/>); from then
/// on a trigger moves <c>deliveries-settled</c> with any write to a delivery first due before the boundary (a late send of
/// a retried one, a member's erasure, a missed one recorded after a restart), and every tally kept here is dropped when
/// that number moves. So the tallies are always those of the rows as stored, on any instance.
/// <para>
/// On PostgreSQL a transaction that read the boundary before it moved may still commit a write to a newly sealed hour
/// without moving the number; a boundary is trusted only once every transaction that was running when it was first
/// seen has ended (the snapshot's <c>xmin</c> has passed the <c>xmax</c> of then). SQLite has one writer at a time,
/// so a write that read the old boundary committed before the boundary did.
/// </para>
/// </summary>
internal sealed class SealedDeliveryHours
{
    private readonly SortedDictionary<long, Dictionary<string, DeliveryTally>> _hours = [];
    private readonly List<(long Boundary, long Xmax)> _waiting = [];
    private long _settled = -1;
    private long _trusted;

    /// <summary>
    /// The boundary before which kept and newly read tallies are right for the snapshot that read these numbers
    /// (<paramref name="xmin"/> and <paramref name="xmax"/> of its PostgreSQL snapshot; null on SQLite).
    /// </summary>
    public long Trusted(long settled, long boundary, long? xmin, long? xmax)
    {
        if (settled != _settled)
        {
            _hours.Clear();
            _settled = settled;
        }

        if (xmin is not { } low || xmax is not { } high)
        {
            _trusted = Math.Max(_trusted, boundary);
            return _trusted;
        }

        if (boundary > _trusted && !_waiting.Exists(w => w.Boundary == boundary))
        {
            _waiting.Add((boundary, high));
        }

        foreach (var (waiting, until) in _waiting.ToList())
        {
            if (low >= until)
            {
                _trusted = Math.Max(_trusted, waiting);
                _waiting.Remove((waiting, until));
            }
        }

        return _trusted;
    }

    /// <summary>The first hour from <paramref name="from"/> up to <paramref name="to"/> not kept yet, and where the run of missing hours ends.</summary>
    public (long From, long To)? Missing(long from, long to)
    {
        var start = from;
        while (start < to && _hours.ContainsKey(start))
        {
            start += SqlDeliveryHealthQuery.HourMs;
        }

        if (start >= to)
        {
            return null;
        }

        var end = start;
        while (end < to && !_hours.ContainsKey(end))
        {
            end += SqlDeliveryHealthQuery.HourMs;
        }

        return (start, end);
    }

    /// <summary>Keeps one hour's tallies (an hour with no deliveries keeps an empty set, so it is not read again).</summary>
    public void Keep(long hour, Dictionary<string, DeliveryTally> byPlatform) => _hours[hour] = byPlatform;

    public IReadOnlyDictionary<string, DeliveryTally> Hour(long hour) => _hours[hour];

    /// <summary>Drops the hours that no window reaches any more.</summary>
    public void DropBefore(long hour)
    {
        foreach (var old in _hours.Keys.TakeWhile(h => h < hour).ToList())
        {
            _hours.Remove(old);
        }
    }
}
