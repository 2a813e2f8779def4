using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Adherence;

/// <summary>
/// How <c>/progress</c> and the weekly recap write a routine's days: one emoji a day, chosen to read without the legend
/// and to keep their width on every platform (each is an emoji by default, or carries the emoji selector).
/// </summary>
public static class ProgressText
{
    public const string Legend = "✅ done · ⏰ done after a snooze · ⏩ skipped · ❌ missed · 💤 rest day · ⏸️ paused · ➖ no reminder · ⏳ today, still to do";

    public static string Symbol(DayMark mark) => mark switch
    {
        DayMark.Done => "✅",
        DayMark.SnoozedThenDone => "⏰",
        DayMark.Skipped => "⏩",
        DayMark.Missed => "❌",
        DayMark.Rest => "💤",
        DayMark.Paused => "⏸️",
        DayMark.Pending => "⏳",
        _ => "➖",
    };

    /// <summary><c>**#3** evening drainage — every Monday, Wednesday and Friday at 19:00 (Europe/Berlin)</c>, the label escaped.</summary>
    public static string Heading(IReadOnlyList<ReminderSubscription> routine)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var first = routine[0];
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"**#{first.Routine}**");
        if (first.Label is { Length: > 0 } label)
        {
            sb.Append(' ').Append(ReplyMarkup.Escape(label));
        }

        var when = SchedulePreview.Describe(ReminderRoutines.Schedule(routine));
        return sb.Append(" — ").Append(ReplyMarkup.Escape($"{when} ({first.TimeZone})")).ToString();
    }

    /// <summary>The days a week a line, each line headed by its first day (<c>Tue 10 Nov</c>), so weekdays line up in columns.</summary>
    public static string Weeks(RoutineProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var sb = new StringBuilder();
        for (var start = 0; start < progress.Days.Count; start += 7)
        {
            if (start > 0)
            {
                sb.Append('\n');
            }

            sb.Append(Day(progress.FirstDay.AddDays(start))).Append("  ");
            foreach (var mark in progress.Days.Skip(start).Take(7))
            {
                sb.Append(Symbol(mark));
            }
        }

        return sb.ToString();
    }

    /// <summary><c>streak: 4 days</c>; <c>no streak yet</c>.</summary>
    public static string Streak(int days) => days switch
    {
        0 => "no streak yet",
        1 => "streak: 1 day",
        _ => $"streak: {days} days 🔥",
    };

    /// <summary><c>Tue 10 Nov</c>.</summary>
    public static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);
}
