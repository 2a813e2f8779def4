using System.Globalization;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// The real clock's next whole UTC minute at least <c>lead</c> away: reminders are minute-granular, so tests with
/// real processes subscribe for it and wait for it, leaving the processes time to start first.
/// </summary>
public static class UpcomingMinute
{
    public static DateTimeOffset After(TimeSpan lead)
    {
        var now = TimeProvider.System.GetUtcNow();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        return minute - now < lead ? minute.AddMinutes(1) : minute;
    }

    /// <summary>The minute as a subscription stores it and the reminder text shows it.</summary>
    public static string Format(DateTimeOffset minute) => minute.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>How long until <paramref name="instant"/> on the real clock (zero when it has passed).</summary>
    public static TimeSpan Until(DateTimeOffset instant)
    {
        var left = instant - TimeProvider.System.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
