namespace LymphBot.Core.Scheduling;

/// <summary>
/// Wall-clock daily times in an IANA zone. A time that does not exist on a spring-forward day happens at the first
/// valid minute after it; a time that happens twice on a fall-back day happens once, at its first occurrence.
/// The same rules Quartz's cron triggers follow in a time zone, so what the bot promises is what fires.
/// </summary>
public static class DailySchedule
{
    /// <summary>The instant a local time happens on a given local date.</summary>
    public static DateTimeOffset OccurrenceOn(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The next <paramref name="count"/> occurrences strictly after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(DateTimeOffset after, TimeOnly time, TimeZoneInfo zone, int count)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var result = new List<DateTimeOffset>(count);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime).AddDays(-1);
        while (result.Count < count)
        {
            var occurrence = OccurrenceOn(date, time, zone);
            if (occurrence > after)
            {
                result.Add(occurrence);
            }

            date = date.AddDays(1);
        }

        return result;
    }

    /// <summary>The local date an occurrence belongs to: the date of its scheduled local time, in its zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Whether the zone's offset changes during that local date (a daylight-saving change day).</summary>
    public static bool IsTransitionDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = date.ToDateTime(TimeOnly.MinValue);
        return zone.GetUtcOffset(start) != zone.GetUtcOffset(start.AddDays(1).AddTicks(-1));
    }
}
