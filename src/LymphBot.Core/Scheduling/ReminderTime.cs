using System.Globalization;
using System.Text.RegularExpressions;
using LymphBot.Core.Chat;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// Parses the times people type: <c>8:00</c>, <c>08:00</c>, <c>8am</c>, <c>8:30 pm</c>, <c>20:30</c>, also in full-width
/// or another script's digits (<c>８:００</c>, <c>٨:٠٠</c>).
/// </summary>
public static partial class ReminderTime
{
    public static bool TryParse(string text, out TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(text);
        time = default;
        var match = TimePattern().Match(InputText.FoldDigits(text).Trim());
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ampm"].Value.ToLowerInvariant();
        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (meridiem.StartsWith('p') ? 12 : 0);
        }
        else if (!match.Groups["m"].Success)
        {
            // A bare number ("8") is ambiguous between morning and evening; ask for 8:00, 8am or 20:00 instead.
            return false;
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A schedule's slot as members read it: <c>08:00 Europe/Berlin</c>.</summary>
    public static string FormatSlot(TimeOnly time, string zone) => $"{Format(time)} {zone}";

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:[:.h](?<m>[0-9]{2}))?\s*(?<ampm>[ap]\.?m\.?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
