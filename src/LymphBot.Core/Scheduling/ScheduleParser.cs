using System.Text.RegularExpressions;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// Reads a schedule in the words people type, then an optional IANA zone, then an optional label:
/// <c>mon wed fri 19:00 Europe/Berlin evening drainage</c>. The schedule is a run of clauses in any order (times,
/// days, start, end, or a one-off's date or delay); the first word no clause takes ends it. Words with one meaning
/// only here (<c>every</c>, <c>starting</c>, <c>until</c>, a malformed time or date) are held to it, so a typo is
/// answered instead of becoming part of the label. Nothing here reads a clock: <see cref="ScheduleRequest.Resolve"/> does.
/// </summary>
public static partial class ScheduleParser
{
    public const int MaxLabelLength = 60;

    public const string Example = "/remind mon wed fri 19:00 Europe/Berlin evening drainage";
    internal const string TimeExample = "/remind 8:00 Europe/Berlin";
    internal const string TimesPerDayExample = "/remind 3 times a day 8:00 14:00 20:00";
    internal const string DaysExample = "/remind every Monday and Thursday at 7pm";
    internal const string EveryExample = "/remind every 2 days at 9:00";
    internal const string StartExample = "/remind every 2 days at 9:00 starting 2026-12-24";
    internal const string UntilExample = "/remind 8:00 until 2027-01-31";
    internal const string ForExample = "/remind 8:00 and 20:00 for 14 days";
    internal const string OneOffExample = "/remind tomorrow 9am";
    internal const string InExample = "/remind in 2 hours";

    /// <summary>One line: the problem, then an example of what works.</summary>
    public static string Sentence(string problem, string example)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var stop = problem.EndsWith('?') ? string.Empty : ".";
        return $"{char.ToUpperInvariant(problem[0])}{problem[1..]}{stop} For example: {example}";
    }

    /// <summary>The schedule, then an optional zone, then an optional label (the rest of the text).</summary>
    public static ScheduleParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var schedule = ParseSchedule(text);
        if (schedule.Request is null)
        {
            return schedule;
        }

        var rest = Words().Matches(text[schedule.Length..]).Select(m => (m.Value, Index: m.Index + schedule.Length)).ToList();
        var position = 0;
        string? zone = null;
        if (rest.Count > 0)
        {
            var word = rest[0].Value;
            if (TimeZones.TryFind(word, out _, out var zoneId))
            {
                zone = zoneId;
                position++;
            }
            else if (ScheduleWords.LooksLikeZone(word))
            {
                return ScheduleParse.Failure(Sentence($"\"{Shorten(word)}\" is not a time zone I know; try Europe/Berlin, America/New_York or UTC", Example));
            }
        }

        string? label = null;
        if (position < rest.Count)
        {
            label = text[rest[position].Index..].Trim();
            if (label.Length > MaxLabelLength)
            {
                return ScheduleParse.Failure(Sentence($"the label can be at most {MaxLabelLength} characters", Example));
            }
        }

        return schedule with { Zone = zone, Label = label };
    }

    /// <summary>Only the schedule at the start of the text; <see cref="ScheduleParse.Length"/> says where it ends.</summary>
    public static ScheduleParse ParseSchedule(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reading = new ScheduleReading([.. Words().Matches(text).Select(m => new ScheduleToken(m.Value, ScheduleWords.Fold(m.Value), m.Index))]);
        while (!reading.AtEnd && reading.Error is null && reading.ReadClause())
        {
        }

        if (reading.Error is { } error)
        {
            return ScheduleParse.Failure(error, reading.ErrorAtStart);
        }

        if (reading.Position == 0)
        {
            var first = reading.Tokens.Count == 0 ? null : reading.Tokens[0].Text;
            return ScheduleParse.Failure(
                first is null
                    ? Sentence("tell me when", TimeExample)
                    : Sentence($"I can't read \"{Shorten(first)}\" as a time or a schedule", TimeExample),
                atStart: true);
        }

        return reading.Check() is { } problem
            ? ScheduleParse.Failure(problem)
            : new ScheduleParse(reading.Request, null, null, null) { Length = reading.Tokens[reading.Position - 1].End };
    }

    internal static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;

    [GeneratedRegex(@"[^\s,]+")]
    private static partial Regex Words();
}
