using System.Globalization;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Core.Tests.Scheduling;

/// <summary>The schedule language: every form issue 16 names, read on Monday 7 December 2026 at 10:00 in Berlin.</summary>
public sealed class ScheduleParserTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T09:00:00Z", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("8:00", "every day at 08:00")]
    [InlineData("8am", "every day at 08:00")]
    [InlineData("8:30 pm", "every day at 20:30")]
    [InlineData("daily at noon", "every day at 12:00")]
    [InlineData("weekdays 7:30", "on weekdays at 07:30")]
    [InlineData("every weekday at 6:45", "on weekdays at 06:45")]
    [InlineData("mon-fri 7:00", "on weekdays at 07:00")]
    [InlineData("weekends 9:00", "on weekends at 09:00")]
    [InlineData("sat and sun at 9am", "on weekends at 09:00")]
    [InlineData("mon wed fri 19:00", "every Monday, Wednesday and Friday at 19:00")]
    [InlineData("mon, wed and fri 19:00", "every Monday, Wednesday and Friday at 19:00")]
    [InlineData("tue/thu 18:00", "every Tuesday and Thursday at 18:00")]
    [InlineData("every Monday and Thursday at 7pm", "every Monday and Thursday at 19:00")]
    [InlineData("at 7pm on Sundays", "every Sunday at 19:00")]
    [InlineData("8:00 and 20:00", "every day at 08:00 and 20:00")]
    [InlineData("20:00 and 8:00", "every day at 08:00 and 20:00")]
    [InlineData("3 times a day 8:00 14:00 20:00", "every day at 08:00, 14:00 and 20:00")]
    [InlineData("three times daily at 8:00, 14:00 and 20:00", "every day at 08:00, 14:00 and 20:00")]
    [InlineData("twice a day 8am 8pm", "every day at 08:00 and 20:00")]
    [InlineData("every 2 days at 9:00", "every 2 days at 09:00, starting Tue 8 Dec 2026")]
    [InlineData("every 2 days at 18:00", "every 2 days at 18:00, starting Mon 7 Dec 2026")]
    [InlineData("every other day 18:00", "every 2 days at 18:00, starting Mon 7 Dec 2026")]
    [InlineData("every 2 days at 9:00 starting 2026-12-24", "every 2 days at 09:00, starting Thu 24 Dec 2026")]
    [InlineData("every 3 days 9:00 starting today", "every 3 days at 09:00, starting Mon 7 Dec 2026")]
    [InlineData("8:00 starting tomorrow", "every day at 08:00, starting Tue 8 Dec 2026")]
    [InlineData("8:00 for 14 days", "every day at 08:00, until Mon 21 Dec 2026")]
    [InlineData("18:00 for 14 days", "every day at 18:00, until Sun 20 Dec 2026")]
    [InlineData("8:00 and 20:00 for 2 weeks", "every day at 08:00 and 20:00, until Sun 20 Dec 2026")]
    [InlineData("weekdays 7:30 until 2027-01-31", "on weekdays at 07:30, until Sun 31 Jan 2027")]
    [InlineData("every 2 days at 9:00 starting 2026-12-24 for 14 days", "every 2 days at 09:00, starting Thu 24 Dec 2026, until Wed 6 Jan 2027")]
    [InlineData("tomorrow 9am", "once, on Tue 8 Dec 2026 at 09:00")]
    [InlineData("9am tomorrow", "once, on Tue 8 Dec 2026 at 09:00")]
    [InlineData("today at 18:00", "once, on Mon 7 Dec 2026 at 18:00")]
    [InlineData("in 2 hours", "once, on Mon 7 Dec 2026 at 12:00")]
    [InlineData("in 90 min", "once, on Mon 7 Dec 2026 at 11:30")]
    [InlineData("in 2h", "once, on Mon 7 Dec 2026 at 12:00")]
    [InlineData("on 2026-12-24 10:00", "once, on Thu 24 Dec 2026 at 10:00")]
    [InlineData("2026-12-24 at 10am", "once, on Thu 24 Dec 2026 at 10:00")]
    [InlineData("８:００", "every day at 08:00")]
    public void Parse_EveryFormOfTheIssue_ReadsTheSchedule(string text, string described)
    {
        var schedule = Resolved(text, out _);

        Assert.Equal(described, SchedulePreview.Describe(schedule));
    }

    [Theory]
    [InlineData("mon wed fri 19:00 Europe/Berlin evening drainage", "Europe/Berlin", "evening drainage")]
    [InlineData("8:00 europe/berlin", "Europe/Berlin", null)]
    [InlineData("8:00 UTC", "UTC", null)]
    [InlineData("8:00 US/Eastern compression sleeve", "America/New_York", "compression sleeve")]
    [InlineData("8:00 evening drainage", null, "evening drainage")]
    [InlineData("tomorrow 9am Asia/Tokyo call the clinic", "Asia/Tokyo", "call the clinic")]
    [InlineData("8:00 Europe/Berlin  skin care, gently ", "Europe/Berlin", "skin care, gently")]
    public void Parse_ZoneThenLabel_AfterTheSchedule(string text, string? zone, string? label)
    {
        var parse = ScheduleParser.Parse(text);

        Assert.Null(parse.Error);
        Assert.Equal((zone, label), (parse.Zone, parse.Label));
    }

    [Fact]
    public void Parse_Length_IsWhereTheScheduleEnds()
    {
        const string Text = "every Monday and Thursday at 7 pm Europe/Berlin stretch";

        Assert.Equal("every Monday and Thursday at 7 pm", Text[..ScheduleParser.Parse(Text).Length]);
    }

    [Fact]
    public void Parse_PlainTime_IsExactlyTheOldDailyReminder()
    {
        var schedule = Resolved("8:30 pm", out _);

        Assert.True(schedule.IsPlainDaily);
        Assert.Equal(ReminderSchedule.Daily(new TimeOnly(20, 30)), schedule);
    }

    [Theory]
    [InlineData("", "Tell me when. For example: /remind 8:00")]
    [InlineData("hello there", "I can't read \"hello\" as a time or a schedule.")]
    [InlineData("3 times a day 8:00 14:00", "3 times a day needs 3 different times, and I read 2 (08:00, 14:00). For example: /remind 3 times a day 8:00 14:00 20:00")]
    [InlineData("twice a day 8:00", "2 times a day needs 2 different times, and I read 1 (08:00).")]
    [InlineData("3 times 8:00 14:00 20:00", "\"3 times\" how often? Say 3 times a day.")]
    [InlineData("7 times a day 8:00", "A reminder can have 1 to 6 times a day.")]
    [InlineData("8:00 9:00 10:00 11:00 12:00 13:00 14:00", "A reminder can have at most 6 times a day.")]
    [InlineData("25:00", "\"25:00\" is not a time of day; times run from 0:00 to 23:59")]
    [InlineData("weekdays 7:65", "\"7:65\" is not a time of day")]
    [InlineData("13pm", "\"13pm\" is not a time of day")]
    [InlineData("8 Europe/Berlin", "\"8\" alone is not a time; write it with minutes or am/pm, such as 8:00, 8am or 20:00.")]
    [InlineData("every 0 days at 9:00", "Every 0 days: the number of days runs from 1 to 365. For example: /remind every 2 days at 9:00")]
    [InlineData("every 400 days at 9:00", "Every 400 days: the number of days runs from 1 to 365.")]
    [InlineData("every 2 at 9:00", "Every 2 what? Say every 2 days.")]
    [InlineData("every tuesday-ish", "Every \"tuesday-ish\"? Say every day, every weekday, every Monday or every 2 days.")]
    [InlineData("every 2 days mon 9:00", "Every N days cannot also name weekdays; pick one.")]
    [InlineData("weekdays", "At what time of day? For example: /remind every Monday and Thursday at 7pm")]
    [InlineData("starting 2026-12-24", "At what time of day?")]
    [InlineData("8:00 starting soon", "\"starting\" takes a date such as 2026-12-24, today or tomorrow.")]
    [InlineData("8:00 until later", "\"until\" takes a date such as 2027-01-31.")]
    [InlineData("8:00 for 0 days", "For 0 days: a reminder runs for 1 to 365 days.")]
    [InlineData("8:00 for 14 days until 2027-01-31", "Give either \"for N days\" or \"until a date\", not both.")]
    [InlineData("on 2026-02-30 10:00", "\"2026-02-30\" is not a date; write it as year-month-day, such as 2026-12-24.")]
    [InlineData("tomorrow 9am and 5pm", "A one-off has one time. For example: /remind tomorrow 9am")]
    [InlineData("tomorrow", "At what time? For example: /remind tomorrow 9am")]
    [InlineData("tomorrow 9am weekdays", "A one-off on a date has no days, start or end; for a routine leave the date out.")]
    [InlineData("in 2 hours 8:00", "\"in …\" is a one-off by itself, without times or days.")]
    [InlineData("in 0 minutes", "\"in\" takes 1 minute to 365 days.")]
    [InlineData("8:00 Mars/Olympus", "\"Mars/Olympus\" is not a time zone I know; try Europe/Berlin, America/New_York or UTC.")]
    public void Parse_BadOrAmbiguousInput_OneLineWithAnExample(string text, string expected)
    {
        var parse = ScheduleParser.Parse(text);

        Assert.Null(parse.Request);
        Assert.Contains(expected, parse.Error, StringComparison.Ordinal);
        AssertOneLineWithExample(parse.Error);
    }

    [Fact]
    public void Parse_TooLongLabel_IsRefused()
    {
        var parse = ScheduleParser.Parse("8:00 UTC " + new string('x', ScheduleParser.MaxLabelLength + 1));

        Assert.Contains("The label can be at most 60 characters", parse.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25:61", true)]
    [InlineData("every tuesday-ish", true)]
    [InlineData("hello", true)]
    [InlineData("8:00 until later", false)]
    [InlineData("3 times a day 8:00", false)]
    public void Parse_FailedAtStart_TellsWhetherAnySchedule_WasRead(string text, bool atStart)
    {
        Assert.Equal(atStart, ScheduleParser.Parse(text).FailedAtStart);
    }

    [Theory]
    [InlineData("on 2026-12-01 10:00", "2026-12-01 at 10:00 has already passed. For example: /remind tomorrow 9am")]
    [InlineData("today 8:00", "2026-12-07 at 08:00 has already passed.")]
    [InlineData("8:00 starting 2026-12-01", "2026-12-01 has already passed; start today or later. For example: /remind every 2 days at 9:00 starting 2026-12-24")]
    [InlineData("8:00 until 2026-12-01", "Until 2026-12-01 has already passed.")]
    [InlineData("every 2 days at 9:00 starting 2026-12-24 until 2026-12-20", "Until 2026-12-20 is before the start, 2026-12-24.")]
    [InlineData("sat 8:00 until 2026-12-11", "That schedule has no day left before it ends on 2026-12-11.")]
    [InlineData("8:00 until today", "That schedule has no day left before it ends on 2026-12-07.")]
    public void Resolve_DatesInThePast_AndEndsBeforeStarts_OneLineWithAnExample(string text, string expected)
    {
        var parse = ScheduleParser.Parse(text);
        Assert.True(parse.Request is not null, parse.Error);

        var resolution = parse.Request.Resolve(_time.GetUtcNow(), TimeZones.Find("Europe/Berlin"));

        Assert.Null(resolution.Schedule);
        Assert.Contains(expected, resolution.Error, StringComparison.Ordinal);
        AssertOneLineWithExample(resolution.Error);
    }

    [Fact]
    public void Resolve_InHours_RoundsUpToTheNextWholeMinute()
    {
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(ReminderSchedule.Once(new DateOnly(2026, 12, 7), new TimeOnly(12, 1)), Resolved("in 2 hours", out _));
    }

    [Fact]
    public void Resolve_EveryTwoDays_WhenTheLastTimeToday_HasGoneBy_StartsTomorrow()
    {
        _time.Advance(TimeSpan.FromHours(10)); // 20:00 in Berlin

        var schedule = Resolved("every 2 days at 8:00 and 19:00", out var zone);

        Assert.Equal(new DateOnly(2026, 12, 8), schedule.From);
        Assert.Equal(
            ["Tue 8 Dec 08:00", "Tue 8 Dec 19:00", "Thu 10 Dec 08:00"],
            schedule.Next(_time.GetUtcNow(), zone, 3).Select(o => ReminderText.When(o.At, zone)));
    }

    [Fact]
    public void Resolve_InTokyo_UsesTokyosToday()
    {
        // 09:00 UTC is already 18:00 on Monday in Tokyo; "tomorrow" there is Tuesday, and "today 17:00" has gone by.
        var tokyo = TimeZones.Find("Asia/Tokyo");

        Assert.Equal(new DateOnly(2026, 12, 8), ScheduleParser.Parse("tomorrow 9am").Request!.Resolve(_time.GetUtcNow(), tokyo).Schedule!.From);
        Assert.NotNull(ScheduleParser.Parse("today 17:00").Request!.Resolve(_time.GetUtcNow(), tokyo).Error);
    }

    private ReminderSchedule Resolved(string text, out TimeZoneInfo zone)
    {
        var parse = ScheduleParser.Parse(text);
        Assert.True(parse.Request is not null, parse.Error);
        zone = TimeZones.Find(parse.Zone ?? "Europe/Berlin");
        var resolution = parse.Request.Resolve(_time.GetUtcNow(), zone);
        Assert.True(resolution.Schedule is not null, resolution.Error);
        return resolution.Schedule;
    }

    private static void AssertOneLineWithExample(string? error)
    {
        Assert.NotNull(error);
        Assert.DoesNotContain('\n', error);
        Assert.Contains("For example: /remind ", error, StringComparison.Ordinal);
    }
}
