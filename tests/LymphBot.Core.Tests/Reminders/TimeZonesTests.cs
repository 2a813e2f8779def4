using LymphBot.Core.Reminders;

namespace LymphBot.Core.Tests.Reminders;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("utc", "UTC")]
    [InlineData("GMT", "GMT")]
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    public void TryFind_IanaNamesCaseInsensitive_ReturnsCanonicalId(string name, string id)
    {
        Assert.True(TimeZones.TryFind(name, out _, out var canonical));
        Assert.Equal(id, canonical);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("Berlin")]
    [InlineData("../../etc/passwd")]
    public void TryFind_Unknown_Fails(string name)
    {
        Assert.False(TimeZones.TryFind(name, out _, out _));
    }
}
