using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Adherence;

/// <summary>
/// What follows <c>/progress weekly</c>: <c>on [day] &lt;time&gt; [zone]</c> (Sunday when no day is named; the saved zone
/// when none is typed) or <c>off</c>.
/// </summary>
public sealed record WeeklyRecapRequest(bool On, ScheduleDays Day, TimeOnly Time, string? Zone)
{
    public const string Example = "/progress weekly on sun 18:00";

    public static readonly ScheduleDays DefaultDay = ScheduleDays.Sunday;

    /// <summary>Reads the setting; <paramref name="error"/> is the one line a member gets for anything else, with an example.</summary>
    public static bool TryParse(string text, out WeeklyRecapRequest? request, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        request = null;
        error = null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var first = words.Count > 0 ? ScheduleWords.Fold(words[0]) : string.Empty;
        if (first == "off" && words.Count == 1)
        {
            request = new WeeklyRecapRequest(false, DefaultDay, default, null);
            return true;
        }

        if (first != "on")
        {
            error = $"Turn the weekly recap on with a day and a time, for example {Example} (or just a time for Sundays), or off with /progress weekly off.";
            return false;
        }

        var next = 1;
        var day = DefaultDay;
        if (next < words.Count && ScheduleWords.TryDays(ScheduleWords.Fold(words[next]), out var days))
        {
            if (!IsOneDay(days))
            {
                error = $"A weekly recap comes on one day of the week; for example {Example}.";
                return false;
            }

            day = days;
            next++;
        }

        // "6 pm" is one time in two words.
        var time = default(TimeOnly);
        if (next + 1 < words.Count && ScheduleWords.IsMeridiem(ScheduleWords.Fold(words[next + 1])) && ReminderTime.TryParse($"{words[next]} {words[next + 1]}", out time))
        {
            next += 2;
        }
        else if (next < words.Count && ReminderTime.TryParse(words[next], out time))
        {
            next++;
        }
        else
        {
            error = $"When should the recap come? Give a time, for example {Example} or /progress weekly on 19:00 Europe/Berlin.";
            return false;
        }

        string? zone = null;
        if (next < words.Count)
        {
            if (next + 1 < words.Count || !TimeZones.TryFind(words[next], out _, out var zoneId))
            {
                error = $"I read \"{words[next]}\" as a time zone, and know no such zone; for example /progress weekly on sun 18:00 Europe/Berlin.";
                return false;
            }

            zone = zoneId;
        }

        request = new WeeklyRecapRequest(true, day, time, zone);
        return true;
    }

    private static bool IsOneDay(ScheduleDays days) => days != ScheduleDays.None && (days & (days - 1)) == ScheduleDays.None;
}
