using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tests.Reminders;

public sealed class SchedulePreviewTests
{
    [Fact]
    public void Text_NamesTheScheduleZoneAndLabel_ThenTheNextThree()
    {
        var schedule = new ReminderSchedule([new TimeOnly(19, 0)], ScheduleDays.Monday | ScheduleDays.Wednesday | ScheduleDays.Friday);

        var text = SchedulePreview.Text(schedule, "Europe/Berlin", At("2026-12-07T09:00:00Z"), "evening drainage");

        Assert.Equal(
            "Every Monday, Wednesday and Friday at 19:00 (Europe/Berlin) — “evening drainage”\nNext:\n" +
            "• Mon 7 Dec 19:00 Europe/Berlin\n• Wed 9 Dec 19:00 Europe/Berlin\n• Fri 11 Dec 19:00 Europe/Berlin",
            ReplyMarkup.ToPlainText(text));
    }

    [Fact]
    public void Text_MarksBothChangeDays_AndSaysWhereAGapTimeMoved()
    {
        var twiceSunday = new ReminderSchedule([new TimeOnly(2, 30), new TimeOnly(9, 0)], ScheduleDays.Sunday);

        var spring = SchedulePreview.Text(twiceSunday, "Europe/Berlin", At("2027-03-27T12:00:00Z"));
        var autumn = SchedulePreview.Text(twiceSunday, "Europe/Berlin", At("2027-10-30T12:00:00Z"));

        Assert.Equal(
            "Every Sunday at 02:30 and 09:00 (Europe/Berlin)\nNext:\n" +
            "• Sun 28 Mar 03:00 Europe/Berlin (daylight-saving change that day: 02:30 does not exist, so at 03:00)\n" +
            "• Sun 28 Mar 09:00 Europe/Berlin (daylight-saving change that day)\n" +
            "• Sun 4 Apr 02:30 Europe/Berlin",
            ReplyMarkup.ToPlainText(spring));
        Assert.Contains(
            "• Sun 31 Oct 02:30 Europe/Berlin (daylight-saving change that day)\n• Sun 31 Oct 09:00 Europe/Berlin (daylight-saving change that day)\n• Sun 7 Nov 02:30 Europe/Berlin",
            ReplyMarkup.ToPlainText(autumn),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_InAZoneWithoutDst_MarksNothing()
    {
        var text = SchedulePreview.Text(ReminderSchedule.Daily(new TimeOnly(9, 0)), "Asia/Tokyo", At("2027-03-27T12:00:00Z"));

        Assert.DoesNotContain("daylight-saving", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Text_ScheduleEndingSooner_ShowsWhatIsLeft_AndSaysItEnds()
    {
        var schedule = new ReminderSchedule([new TimeOnly(8, 0)], until: new DateOnly(2026, 12, 8));

        Assert.Equal(
            "Every day at 08:00, until Tue 8 Dec 2026 (UTC)\nNext:\n• Tue 8 Dec 08:00 UTC\nThen it ends.",
            ReplyMarkup.ToPlainText(SchedulePreview.Text(schedule, "UTC", At("2026-12-07T09:00:00Z"))));
    }

    [Fact]
    public void Text_OneOff_SaysWhen()
    {
        Assert.Equal(
            "Once, on Thu 24 Dec 2026 at 10:00 (America/New_York)\nWhen:\n• Thu 24 Dec 10:00 America/New_York",
            ReplyMarkup.ToPlainText(SchedulePreview.Text(ReminderSchedule.Once(new DateOnly(2026, 12, 24), new TimeOnly(10, 0)), "America/New_York", At("2026-12-07T09:00:00Z"))));
    }

    [Fact]
    public void Text_EachOccurrenceIsAReaderTime_AtItsInstant_WithTheZoneNamedInItsText()
    {
        // 02:30 on the spring-forward day fires at 03:00 CEST = 01:00 UTC; 09:00 CEST = 07:00 UTC; 02:30 CEST = 00:30 UTC.
        var twiceSunday = new ReminderSchedule([new TimeOnly(2, 30), new TimeOnly(9, 0)], ScheduleDays.Sunday);

        var times = ReplyMarkup.Parse(SchedulePreview.Text(twiceSunday, "Europe/Berlin", At("2027-03-27T12:00:00Z")))
            .Where(s => s.Style == MarkupStyle.Time).ToList();

        Assert.Equal(
            [At("2027-03-28T01:00:00Z"), At("2027-03-28T07:00:00Z"), At("2027-04-04T00:30:00Z")],
            times.Select(s => DateTimeOffset.FromUnixTimeSeconds(s.Time!.Value.UnixSeconds)));
        Assert.All(times, s => Assert.Equal(ReaderTimeFormat.DayAndTime, s.Time!.Value.Format));
        Assert.Equal(["Sun 28 Mar 03:00 Europe/Berlin", "Sun 28 Mar 09:00 Europe/Berlin", "Sun 4 Apr 02:30 Europe/Berlin"], times.Select(s => s.Text));
    }

    [Fact]
    public void Describe_EveryNDays_SaysFromWhen()
    {
        var schedule = new ReminderSchedule([new TimeOnly(9, 0)], everyDays: 2, from: new DateOnly(2026, 12, 24), until: new DateOnly(2027, 1, 31));

        Assert.Equal("every 2 days at 09:00, starting Thu 24 Dec 2026, until Sun 31 Jan 2027", SchedulePreview.Describe(schedule));
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}
