using System.Globalization;
using LymphBot.Core.Scheduling;
using Quartz;

namespace LymphBot.Tests.Reminders;

/// <summary>What /remind promises (DailySchedule) is what Quartz's cron trigger in the zone fires, DST days included.</summary>
public sealed class QuartzAgreementTests
{
    [Theory]
    [InlineData("Europe/Berlin", "02:30", "2027-03-27T12:00:00Z")]
    [InlineData("Europe/Berlin", "02:30", "2027-10-30T12:00:00Z")]
    [InlineData("Europe/Berlin", "09:00", "2027-03-27T12:00:00Z")]
    [InlineData("America/New_York", "02:30", "2027-03-13T12:00:00Z")]
    [InlineData("America/New_York", "01:30", "2027-11-06T12:00:00Z")]
    [InlineData("Asia/Kolkata", "08:00", "2027-01-09T12:00:00Z")]
    [InlineData("Australia/Lord_Howe", "02:15", "2027-10-02T00:00:00Z")] // a half-hour DST shift
    public void NextTenOccurrences_MatchQuartzCron(string zone, string time, string from)
    {
        var tz = LymphBot.Core.Scheduling.TimeZones.Find(zone);
        var local = TimeOnly.Parse(time, CultureInfo.InvariantCulture);
        var cron = new CronExpression($"0 {local.Minute} {local.Hour} ? * *", tz);
        var at = DateTimeOffset.Parse(from, CultureInfo.InvariantCulture);

        var ours = DailySchedule.Next(at, local, tz, 10);
        var quartz = new List<DateTimeOffset>();
        for (var next = cron.GetNextValidTimeAfter(at); quartz.Count < 10; next = cron.GetNextValidTimeAfter(next!.Value))
        {
            quartz.Add(next!.Value);
        }

        Assert.Equal(quartz.Select(q => q.UtcDateTime), ours.Select(o => o.UtcDateTime));
    }
}
