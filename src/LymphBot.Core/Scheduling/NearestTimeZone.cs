using LymphBot.Core.Chat;
using NodaTime.TimeZones;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// The time zones likely for a place: those of the nearest locations in the TZDB's <c>zone.tab</c> (one principal city
/// per zone, carried in NodaTime's TZDB data), by great-circle distance. It is not a border lookup (no dataset of zone
/// borders is served to us): far from its zone's city a place is often nearer a neighbour's (Mumbai is nearer Karachi
/// than Kolkata, Nashville nearer an Eastern zone in Kentucky than a Central one), so these are candidates the member
/// chooses from by the clock, never a zone saved unasked.
/// </summary>
public static class NearestTimeZone
{
    private const double EarthRadiusKm = 6371.0088;

    // Only zones the runtime also knows are of use: a reminder is scheduled with TimeZoneInfo.
    private static readonly Lazy<IReadOnlyList<(double Latitude, double Longitude, string ZoneId)>> Locations = new(() =>
    [
        .. (TzdbDateTimeZoneSource.Default.ZoneLocations ?? [])
            .Select(l => (l.Latitude, l.Longitude, ZoneId: TimeZones.TryFind(l.ZoneId, out _, out var id) ? id : null))
            .Where(l => l.ZoneId is not null)
            .Select(l => (l.Latitude, l.Longitude, l.ZoneId!)),
    ]);

    /// <summary>The zone of the nearest <c>zone.tab</c> location, canonical as <see cref="TimeZones.TryFind"/> names it; <c>null</c> for a point that is not a place.</summary>
    public static string? Find(GeoPoint point) => Nearest(point, 1) is [var nearest] ? nearest : null;

    /// <summary>
    /// The zones of the <paramref name="count"/> nearest <c>zone.tab</c> locations, nearest first, each zone once: the
    /// first is <see cref="Find"/>'s answer, the others what a member near a border most likely means instead. Empty
    /// for a point that is not a place.
    /// </summary>
    public static IReadOnlyList<string> Nearest(GeoPoint point, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return point.IsValid
            ? [.. Locations.Value.OrderBy(l => DistanceKm(point, new GeoPoint(l.Latitude, l.Longitude))).Select(l => l.ZoneId).Distinct(StringComparer.Ordinal).Take(count)]
            : [];
    }

    /// <summary>The great-circle distance (haversine), in kilometres.</summary>
    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
