using System.Globalization;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tests.Scheduling;

/// <summary>
/// Next occurrences of every schedule kind across both daylight-saving change days in Berlin (2027-03-28 and
/// 2027-10-31) and New York (2027-03-14 and 2027-11-07), and in Tokyo, which has none.
/// </summary>
public sealed class ReminderScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.Find("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZones.Find("Asia/Tokyo");

    [Fact]
    public void Daily_AcrossBerlinSpringForward_KeepsTheWallClock_AndMovesAGapTimeToTheFirstValidMinute()
    {
        var schedule = ReminderSchedule.Daily(new TimeOnly(2, 30), new TimeOnly(9, 0));

        var next = schedule.Next(At("2027-03-27T12:00:00Z"), Berlin, 4);

        Assert.Equal(["2027-03-28T01:00:00Z", "2027-03-28T07:00:00Z", "2027-03-29T00:30:00Z", "2027-03-29T07:00:00Z"], Utc(next));
        Assert.Equal(["03:00+02:00", "09:00+02:00", "02:30+02:00", "09:00+02:00"], Local(next, Berlin));
        Assert.Equal([true, true, false, false], next.Select(o => o.OnDstChangeDay));
        Assert.Equal(new TimeOnly(2, 30), next[0].LocalTime);
    }

    [Fact]
    public void Daily_AcrossBerlinFallBack_FiresARepeatedTimeOnce_AtTheEarlierInstant()
    {
        var schedule = ReminderSchedule.Daily(new TimeOnly(2, 30), new TimeOnly(9, 0));

        var next = schedule.Next(At("2027-10-30T12:00:00Z"), Berlin, 4);

        Assert.Equal(["2027-10-31T00:30:00Z", "2027-10-31T08:00:00Z", "2027-11-01T01:30:00Z", "2027-11-01T08:00:00Z"], Utc(next));
        Assert.Equal([true, true, false, false], next.Select(o => o.OnDstChangeDay));
    }

    [Fact]
    public void TwoTimesInOneGap_AreOneOccurrence()
    {
        var next = ReminderSchedule.Daily(new TimeOnly(2, 15), new TimeOnly(2, 45)).Next(At("2027-03-27T12:00:00Z"), Berlin, 2);

        Assert.Equal(["2027-03-28T01:00:00Z", "2027-03-29T00:15:00Z"], Utc(next));
    }

    [Fact]
    public void ChosenWeekdays_AcrossNewYorkSpringForward_AndFallBack()
    {
        // Both change days are Sundays.
        var sundays = new ReminderSchedule([new TimeOnly(2, 30)], ScheduleDays.Sunday);
        var fallBack = new ReminderSchedule([new TimeOnly(1, 30)], ScheduleDays.Saturday | ScheduleDays.Sunday);

        Assert.Equal(["2027-03-14T07:00:00Z", "2027-03-21T06:30:00Z"], Utc(sundays.Next(At("2027-03-10T00:00:00Z"), NewYork, 2)));
        Assert.Equal(["03:00-04:00", "02:30-04:00"], Local(sundays.Next(At("2027-03-10T00:00:00Z"), NewYork, 2), NewYork));
        Assert.Equal(
            ["2027-11-06T05:30:00Z", "2027-11-07T05:30:00Z", "2027-11-13T06:30:00Z"],
            Utc(fallBack.Next(At("2027-11-05T00:00:00Z"), NewYork, 3)));
    }

    [Fact]
    public void Weekdays_SkipTheWeekend_AndWeekendsTheWeek()
    {
        var weekdays = new ReminderSchedule([new TimeOnly(7, 30)], ScheduleDays.Weekdays);
        var weekends = new ReminderSchedule([new TimeOnly(9, 0)], ScheduleDays.Weekends);

        // Friday 2027-03-26 evening in Berlin; the weekend holds the spring-forward Sunday.
        Assert.Equal(["Mon 29 Mar 07:30", "Tue 30 Mar 07:30"], Dates(weekdays.Next(At("2027-03-26T18:00:00Z"), Berlin, 2), Berlin));
        Assert.Equal(
            ["2027-03-27T08:00:00Z", "2027-03-28T07:00:00Z", "2027-04-03T07:00:00Z"],
            Utc(weekends.Next(At("2027-03-26T18:00:00Z"), Berlin, 3)));
    }

    [Fact]
    public void EveryThreeDays_AcrossBerlinSpringForward_CountsLocalDays()
    {
        var schedule = new ReminderSchedule([new TimeOnly(9, 0)], everyDays: 3, from: new DateOnly(2027, 3, 25));

        var next = schedule.Next(At("2027-03-20T00:00:00Z"), Berlin, 3);

        Assert.Equal(["2027-03-25T08:00:00Z", "2027-03-28T07:00:00Z", "2027-03-31T07:00:00Z"], Utc(next));
        Assert.Equal([false, true, false], next.Select(o => o.OnDstChangeDay));
    }

    [Theory]
    [InlineData("2026-12-30", "2026-12-29T12:00:00Z", new[] { "2026-12-30", "2027-01-01", "2027-01-03", "2027-01-05" })]
    [InlineData("2028-02-27", "2028-02-26T12:00:00Z", new[] { "2028-02-27", "2028-02-29", "2028-03-02", "2028-03-04" })]
    [InlineData("2027-02-27", "2027-02-26T12:00:00Z", new[] { "2027-02-27", "2027-03-01", "2027-03-03", "2027-03-05" })]
    [InlineData("2027-01-30", "2027-02-01T12:00:00Z", new[] { "2027-02-03", "2027-02-05", "2027-02-07", "2027-02-09" })]
    public void EveryTwoDays_AcrossMonthAndYearEnds(string from, string after, string[] dates)
    {
        var schedule = new ReminderSchedule([new TimeOnly(9, 0)], everyDays: 2, from: DateOnly.Parse(from, CultureInfo.InvariantCulture));

        var next = schedule.Next(At(after), Tokyo, 4);

        Assert.Equal(dates, next.Select(o => o.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.All(next, o => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.At, Tokyo).DateTime)));
    }

    [Fact]
    public void Tokyo_HasNoChangeDays_AndKeepsItsUtcInstant()
    {
        var next = ReminderSchedule.Daily(new TimeOnly(9, 0)).Next(At("2027-03-27T00:00:00Z"), Tokyo, 3);

        Assert.Equal(["2027-03-28T00:00:00Z", "2027-03-29T00:00:00Z", "2027-03-30T00:00:00Z"], Utc(next));
        Assert.All(next, o => Assert.False(o.OnDstChangeDay));
    }

    [Fact]
    public void Until_IsTheLastDay_Inclusive_ThenNothing()
    {
        var schedule = new ReminderSchedule([new TimeOnly(8, 0), new TimeOnly(20, 0)], from: new DateOnly(2027, 10, 30), until: new DateOnly(2027, 10, 31));

        var all = schedule.OccurrencesAfter(At("2027-10-01T00:00:00Z"), Berlin).ToList();

        Assert.Equal(["2027-10-30T06:00:00Z", "2027-10-30T18:00:00Z", "2027-10-31T07:00:00Z", "2027-10-31T19:00:00Z"], Utc(all));
        Assert.Empty(schedule.Next(At("2027-10-31T19:00:00Z"), Berlin, 3));
    }

    [Fact]
    public void OneOff_FiresOnce_AndInAGap_AtTheFirstValidMinute()
    {
        var once = ReminderSchedule.Once(new DateOnly(2027, 3, 28), new TimeOnly(2, 30));

        Assert.True(once.IsOneOff);
        Assert.Equal(["2027-03-28T01:00:00Z"], Utc(once.Next(At("2027-03-01T00:00:00Z"), Berlin, 3)));
        Assert.Empty(once.Next(At("2027-03-28T01:00:00Z"), Berlin, 3));
    }

    [Fact]
    public void Next_IsStrictlyAfter()
    {
        var next = ReminderSchedule.Daily(new TimeOnly(8, 0)).Next(At("2026-11-24T08:00:00Z"), TimeZoneInfo.Utc, 1);

        Assert.Equal(["2026-11-25T08:00:00Z"], Utc(next));
    }

    [Fact]
    public void Daily_AgreesWithDailySchedule_OnEveryDayOfAYear_InEachZone()
    {
        foreach (var zone in new[] { Berlin, NewYork, Tokyo })
        {
            foreach (var time in new[] { new TimeOnly(0, 0), new TimeOnly(1, 30), new TimeOnly(2, 30), new TimeOnly(23, 59) })
            {
                var expected = DailySchedule.Next(At("2027-01-01T00:00:00Z"), time, zone, 365);
                Assert.Equal(expected, ReminderSchedule.Daily(time).Next(At("2027-01-01T00:00:00Z"), zone, 365).Select(o => o.At));
            }
        }
    }

    [Theory]
    [InlineData("2026-12-05", false)] // Saturday
    [InlineData("2026-12-07", true)]
    [InlineData("2026-12-11", true)]
    [InlineData("2026-12-14", false)] // after until
    public void IncludesDate_IsTheFanOutsQuestion(string date, bool included)
    {
        var schedule = new ReminderSchedule([new TimeOnly(7, 30)], ScheduleDays.Weekdays, until: new DateOnly(2026, 12, 13));

        Assert.Equal(included, schedule.IncludesDate(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IncludesDate_EveryNDays_CountsFromTheFirstDate_AndNotBefore()
    {
        var schedule = new ReminderSchedule([new TimeOnly(9, 0)], everyDays: 2, from: new DateOnly(2026, 12, 24));

        Assert.Equal(
            [false, false, true, false, true],
            Enumerable.Range(22, 5).Select(d => schedule.IncludesDate(new DateOnly(2026, 12, d))));
    }

    [Fact]
    public void Constructor_RefusesSchedulesThatCannotFire()
    {
        Assert.Throws<ArgumentException>(() => new ReminderSchedule([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderSchedule([new TimeOnly(8, 0)], ScheduleDays.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderSchedule([new TimeOnly(8, 0)], everyDays: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderSchedule([new TimeOnly(8, 0)], from: new DateOnly(2027, 1, 2), until: new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Times_AreDistinctAndInOrder_ToTheMinute()
    {
        var schedule = ReminderSchedule.Daily(new TimeOnly(20, 0), new TimeOnly(8, 0, 30), new TimeOnly(8, 0));

        Assert.Equal([new TimeOnly(8, 0), new TimeOnly(20, 0)], schedule.Times);
        Assert.False(schedule.IsPlainDaily);
        Assert.True(ReminderSchedule.Daily(new TimeOnly(8, 0)).IsPlainDaily);
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static string[] Utc(IEnumerable<ScheduleOccurrence> occurrences) =>
        [.. occurrences.Select(o => o.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))];

    private static string[] Local(IEnumerable<ScheduleOccurrence> occurrences, TimeZoneInfo zone) =>
        [.. occurrences.Select(o => TimeZoneInfo.ConvertTime(o.At, zone).ToString("HH:mmzzz", CultureInfo.InvariantCulture))];

    private static string[] Dates(IEnumerable<ScheduleOccurrence> occurrences, TimeZoneInfo zone) =>
        [.. occurrences.Select(o => TimeZoneInfo.ConvertTime(o.At, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture))];
}
