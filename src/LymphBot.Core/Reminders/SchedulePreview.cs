using System.Globalization;
using System.Text;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// A schedule in words, with its next occurrences in the member's zone and daylight-saving change days marked:
/// what a member sees before a reminder is saved, so a misread schedule is caught by the person who typed it.
/// </summary>
public static class SchedulePreview
{
    public const int Occurrences = 3;

    private static readonly (ScheduleDays Day, string Name)[] DayNames =
    [
        (ScheduleDays.Monday, "Monday"), (ScheduleDays.Tuesday, "Tuesday"), (ScheduleDays.Wednesday, "Wednesday"),
        (ScheduleDays.Thursday, "Thursday"), (ScheduleDays.Friday, "Friday"), (ScheduleDays.Saturday, "Saturday"), (ScheduleDays.Sunday, "Sunday"),
    ];

    /// <summary>"every Monday and Thursday at 19:00, until Sun 31 Jan 2027"; "once, on Thu 24 Dec 2026 at 10:00".</summary>
    public static string Describe(ReminderSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var times = List(schedule.Times.Select(ReminderTime.Format));
        if (schedule.IsOneOff)
        {
            return $"once, on {Day(schedule.From!.Value)} at {times}";
        }

        var sb = new StringBuilder();
        sb.Append(schedule.EveryDays > 1
            ? $"every {schedule.EveryDays} days"
            : schedule.Days switch
            {
                ScheduleDays.Every => "every day",
                ScheduleDays.Weekdays => "on weekdays",
                ScheduleDays.Weekends => "on weekends",
                var days => "every " + List(DayNames.Where(d => (days & d.Day) != ScheduleDays.None).Select(d => d.Name)),
            });
        sb.Append(" at ").Append(times);
        if (schedule.From is { } from)
        {
            sb.Append(", starting ").Append(Day(from));
        }

        if (schedule.Until is { } until)
        {
            sb.Append(", until ").Append(Day(until));
        }

        return sb.ToString();
    }

    /// <summary>The schedule in words with its zone and label, then its next occurrences (fewer when it ends first).</summary>
    public static string Text(ReminderSchedule schedule, string zoneId, DateTimeOffset now, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZones.Find(zoneId);
        var described = Describe(schedule);
        var sb = new StringBuilder().Append(char.ToUpperInvariant(described[0])).Append(described.AsSpan(1)).Append(" (").Append(zoneId).Append(')');
        sb.Append(ReminderLabel.Quoted(label));

        var next = schedule.Next(now, zone, Occurrences);
        sb.Append(schedule.IsOneOff ? "\nWhen:" : "\nNext:");
        foreach (var occurrence in next)
        {
            sb.Append("\n• ").Append(ReminderText.Occurrence(occurrence.At, zoneId));
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence.At, zone).DateTime);
            if (local != occurrence.LocalTime)
            {
                sb.Append(CultureInfo.InvariantCulture, $" (daylight-saving change that day: {ReminderTime.Format(occurrence.LocalTime)} does not exist, so at {ReminderTime.Format(local)})");
            }
            else if (occurrence.OnDstChangeDay)
            {
                sb.Append(" (daylight-saving change that day)");
            }
        }

        if (!schedule.IsOneOff && next.Count < Occurrences)
        {
            sb.Append("\nThen it ends.");
        }

        return sb.ToString();
    }

    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.SkipLast(1))} and {list[^1]}";
    }
}
