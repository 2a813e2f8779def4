using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tests.Scheduling;

public sealed class NearestTimeZoneTests
{
    [Fact]
    public void DistanceKm_BerlinToParis_IsAbout878()
    {
        var km = NearestTimeZone.DistanceKm(new GeoPoint(52.52, 13.405), new GeoPoint(48.8566, 2.3522));

        Assert.InRange(km, 870, 885);
    }

    [Fact]
    public void Find_FarFromItsZonesPlace_NamesTheNearerNeighbour_AndTheRightZoneIsAmongTheFiveNearest()
    {
        // Mumbai is 1,650 km from Kolkata, Asia/Kolkata's zone.tab place, and 880 km from Karachi; Delhi is nearer
        // Kathmandu. The nearest zone.tab location is not the zone the place is in, which is why /timezone offers the
        // nearest few with their clocks and saves only the member's pick; the right one is among them.
        Assert.Equal("Asia/Karachi", NearestTimeZone.Find(new GeoPoint(19.076, 72.8777)));
        Assert.Contains("Asia/Kolkata", NearestTimeZone.Nearest(new GeoPoint(19.076, 72.8777), 5));
        Assert.Equal("Asia/Kathmandu", NearestTimeZone.Find(new GeoPoint(28.6139, 77.209)));
        Assert.Contains("Asia/Kolkata", NearestTimeZone.Nearest(new GeoPoint(28.6139, 77.209), 5));
    }

    [Fact]
    public void Nearest_NamesEachZoneOnce_NearestFirst()
    {
        var zones = NearestTimeZone.Nearest(new GeoPoint(52.52, 13.405), 4);

        Assert.Equal(4, zones.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Europe/Berlin", zones[0]);
    }

    [Theory]
    [InlineData(-90.5, 0)]
    [InlineData(0, -180.5)]
    [InlineData(double.PositiveInfinity, 0)]
    public void Find_NotAPlace_IsNull(double latitude, double longitude) =>
        Assert.Null(NearestTimeZone.Find(new GeoPoint(latitude, longitude)));
}
