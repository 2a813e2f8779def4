using System.Globalization;
using System.Text.RegularExpressions;

namespace LymphBot.Core.Adherence;

/// <summary>
/// A reminder's follow-up (<c>nag 20m x3</c>): the occurrence again every <see cref="Every"/>, at most
/// <see cref="Times"/> times, until the member presses Done or Skip.
/// </summary>
public sealed partial record FollowUp(TimeSpan Every, int Times)
{
    public const int MaxTimes = 5;

    public static readonly TimeSpan MinEvery = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxEvery = TimeSpan.FromHours(4);

    public const string Example = "/remind nag 3 20m x3";

    /// <summary>
    /// Reads <c>20m x3</c>, <c>20 min 3 times</c>, <c>1h x2</c>; <paramref name="error"/> is the one line a member gets
    /// for anything else, with an example.
    /// </summary>
    public static bool TryParse(string text, out FollowUp? followUp, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        followUp = null;
        error = null;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"I read follow-ups as how often and how many times, for example {Example} (every 20 minutes, 3 times at most), or /remind nag 3 off.";
            return false;
        }

        var amount = int.Parse(match.Groups["every"].Value, CultureInfo.InvariantCulture);
        var every = match.Groups["unit"].Value.StartsWith('h') ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
        var times = int.Parse(match.Groups["times"].Value, CultureInfo.InvariantCulture);
        if (every < MinEvery || every > MaxEvery || times is < 1 or > MaxTimes)
        {
            error = $"A follow-up comes every 5 minutes to 4 hours, 1 to {MaxTimes} times; for example {Example}.";
            return false;
        }

        followUp = new FollowUp(every, times);
        return true;
    }

    /// <summary>How the replies say it: <c>every 20 min, 3 times at most</c>.</summary>
    public string Describe() =>
        $"every {Reminders.ReminderText.Duration(Every)}, {(Times == 1 ? "once" : $"{Times} times at most")}";

    [GeneratedRegex(@"^(?:every\s+)?(?<every>\d{1,3})\s*(?<unit>m|min|mins|minutes?|h|hours?)\s+(?:x\s*(?<times>\d{1,2})|(?<times>\d{1,2})\s*(?:x|times?))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
