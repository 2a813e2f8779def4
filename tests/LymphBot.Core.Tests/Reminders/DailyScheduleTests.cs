using System.Globalization;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

public sealed class DailyScheduleTests
{
    [Theory]
    [InlineData("Europe/Berlin", 2027, 3, 28, "02:30", "2027-03-28T03:00:00+02:00")] // gap: first valid minute after
    [InlineData("Europe/Berlin", 2027, 10, 31, "02:30", "2027-10-31T02:30:00+02:00")] // overlap: first occurrence
    [InlineData("America/New_York", 2027, 3, 14, "02:15", "2027-03-14T03:00:00-04:00")]
    [InlineData("America/New_York", 2027, 11, 7, "01:30", "2027-11-07T01:30:00-04:00")]
    [InlineData("Asia/Kolkata", 2027, 1, 10, "08:00", "2027-01-10T08:00:00+05:30")]
    [InlineData("Europe/Berlin", 2027, 3, 28, "09:00", "2027-03-28T09:00:00+02:00")]
    public void OccurrenceOn_DstAndHalfHourZones_FollowsWallClockRules(string zone, int year, int month, int day, string time, string expected)
    {
        var occurrence = DailySchedule.OccurrenceOn(new DateOnly(year, month, day), TimeOnly.Parse(time, CultureInfo.InvariantCulture), TimeZones.Find(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), occurrence);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).Offset, occurrence.Offset);
    }

    [Fact]
    public void Next_AcrossSpringForward_StaysAtLocalTime()
    {
        var berlin = TimeZones.Find("Europe/Berlin");

        var next = DailySchedule.Next(DateTimeOffset.Parse("2027-03-27T12:00:00Z", CultureInfo.InvariantCulture), new TimeOnly(9, 0), berlin, 3);

        Assert.Equal(
            ["2027-03-28T07:00:00Z", "2027-03-29T07:00:00Z", "2027-03-30T07:00:00Z"],
            next.Select(n => n.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        Assert.True(DailySchedule.IsTransitionDay(new DateOnly(2027, 3, 28), berlin));
        Assert.False(DailySchedule.IsTransitionDay(new DateOnly(2027, 3, 29), berlin));
    }

    [Fact]
    public void Next_IsStrictlyAfter()
    {
        var at = DateTimeOffset.Parse("2026-11-24T08:00:00Z", CultureInfo.InvariantCulture);

        Assert.Equal(at.AddDays(1), DailySchedule.Next(at, new TimeOnly(8, 0), TimeZoneInfo.Utc, 1)[0]);
    }
}
