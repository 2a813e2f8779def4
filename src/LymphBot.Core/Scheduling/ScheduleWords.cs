using System.Globalization;
using System.Text.RegularExpressions;
using LymphBot.Core.Chat;

namespace LymphBot.Core.Scheduling;

/// <summary>The words of the schedule language: day names, small numbers, dates, times and units of time.</summary>
internal static partial class ScheduleWords
{
    private static readonly Dictionary<string, ScheduleDays> DayNames = BuildDayNames();

    /// <summary>Number words by their value; "a" and "an" (as in "in an hour") are one as well.</summary>
    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static Dictionary<string, ScheduleDays> BuildDayNames()
    {
        var names = new Dictionary<string, ScheduleDays>(StringComparer.Ordinal);
        foreach (var (forms, day) in new (string[], ScheduleDays)[]
        {
            (new[] { "mon", "monday" }, ScheduleDays.Monday),
            (new[] { "tue", "tues", "tuesday" }, ScheduleDays.Tuesday),
            (new[] { "wed", "weds", "wednesday" }, ScheduleDays.Wednesday),
            (new[] { "thu", "thur", "thurs", "thursday" }, ScheduleDays.Thursday),
            (new[] { "fri", "friday" }, ScheduleDays.Friday),
            (new[] { "sat", "saturday" }, ScheduleDays.Saturday),
            (new[] { "sun", "sunday" }, ScheduleDays.Sunday),
        })
        {
            foreach (var form in forms)
            {
                names[form] = day;
                names[form + "s"] = day; // "mondays", "fris"
            }
        }

        return names;
    }

    /// <summary>Lower case, with digits of every script folded to ASCII and a trailing full stop dropped.</summary>
    public static string Fold(string word) => InputText.FoldDigits(word).ToLowerInvariant().TrimEnd('.');

    /// <summary>One day name (<c>mon</c>, <c>Thursdays</c>), a run of them (<c>mon/wed/fri</c>) or a range (<c>mon-fri</c>).</summary>
    public static bool TryDays(string word, out ScheduleDays days)
    {
        days = ScheduleDays.None;
        if (DayNames.TryGetValue(word, out var one))
        {
            days = one;
            return true;
        }

        if (word.Split('-') is [var from, var to] && DayNames.TryGetValue(from, out var first) && DayNames.TryGetValue(to, out var last))
        {
            // A range runs forward through the week, wrapping: fri-mon is Friday to Monday.
            for (var day = first; ; day = day == ScheduleDays.Sunday ? ScheduleDays.Monday : (ScheduleDays)((int)day << 1))
            {
                days |= day;
                if (day == last)
                {
                    return true;
                }
            }
        }

        var parts = word.Split('/');
        if (parts.Length < 2)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (!DayNames.TryGetValue(part, out var day))
            {
                days = ScheduleDays.None;
                return false;
            }

            days |= day;
        }

        return true;
    }

    public static bool TryNumber(string word, out int number)
    {
        number = word is "a" or "an" ? 1 : Array.IndexOf(NumberWords, word);
        return number >= 0 || int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>An ISO date (<c>2026-12-24</c>), <c>today</c> or <c>tomorrow</c>; <paramref name="malformed"/> when it has a date's shape but no such day.</summary>
    public static bool TryDate(string word, out ScheduleDate date, out bool malformed)
    {
        malformed = false;
        date = default;
        switch (word)
        {
            case "today":
                date = ScheduleDate.Relative(0);
                return true;
            case "tomorrow":
                date = ScheduleDate.Relative(1);
                return true;
        }

        if (!IsoDateShape().IsMatch(word))
        {
            return false;
        }

        if (DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = ScheduleDate.On(day);
            return true;
        }

        malformed = true;
        return false;
    }

    /// <summary>Minutes, hours or days, as a unit after a number (<c>2 hours</c>) or glued to it (<c>90min</c>, <c>2h</c>).</summary>
    public static bool TryUnit(string word, out TimeSpan unit)
    {
        unit = word switch
        {
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(1),
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(1),
            "d" or "day" or "days" => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        return unit != TimeSpan.Zero;
    }

    public static bool TryGluedDuration(string word, out int count, out TimeSpan unit)
    {
        var match = GluedDuration().Match(word);
        unit = TimeSpan.Zero;
        count = 0;
        return match.Success && TryUnit(match.Groups["unit"].Value, out unit)
            && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>Has the shape of a time (<c>25:00</c>, <c>8:5</c>, <c>13pm</c>) whether or not it is one.</summary>
    public static bool LooksLikeTime(string word) => TimeShape().IsMatch(word);

    public static bool IsMeridiem(string word) => word is "am" or "pm" or "a.m" or "p.m";

    /// <summary>Has the shape of an IANA zone name (<c>Europe/Berlin</c>), known or not.</summary>
    public static bool LooksLikeZone(string word) => ZoneShape().IsMatch(word);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateShape();

    [GeneratedRegex(@"^(?<n>[0-9]{1,4})(?<unit>[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GluedDuration();

    [GeneratedRegex(@"^[0-9]{1,3}(?:[:.h][0-9]{1,3}(?:[ap]\.?m)?|[ap]\.?m)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeShape();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneShape();
}
