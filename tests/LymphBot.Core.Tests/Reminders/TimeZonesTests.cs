using LymphBot.Core.Scheduling;

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
    [InlineData("US/Eastern", "America/New_York")]
    [InlineData("us/pacific", "America/Los_Angeles")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData("Asia/Saigon", "Asia/Ho_Chi_Minh")]
    [InlineData("Europe/Kiev", "Europe/Kyiv")]
    [InlineData("Ｅｕｒｏｐｅ／Ｂｅｒｌｉｎ", "Europe/Berlin")]
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
