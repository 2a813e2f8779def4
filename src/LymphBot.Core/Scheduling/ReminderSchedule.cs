namespace LymphBot.Core.Scheduling;

/// <summary>
/// When a reminder fires, in wall-clock terms: one or more times of day, on the days of the week it names or every
/// <see cref="EveryDays"/> days counted from <see cref="From"/>, between an optional first and last local date. A
/// one-off is one time on one date (<see cref="From"/> = <see cref="Until"/>). The times are those of the slots the
/// reminder belongs to; the slot's trigger fires every day, and <see cref="IncludesDate"/> is what the fan-out asks
/// to decide whether this subscription's day has come. Times follow <see cref="DailySchedule"/>'s (and Quartz's) rules
/// on daylight-saving change days.
/// </summary>
public sealed record ReminderSchedule
{
    /// <summary>The most times of day one schedule may have.</summary>
    public const int MaxTimesPerDay = 6;

    /// <summary>The longest interval, in days, of an every-N-days schedule.</summary>
    public const int MaxEveryDays = 365;

    public ReminderSchedule(IEnumerable<TimeOnly> times, ScheduleDays days = ScheduleDays.Every, int everyDays = 1, DateOnly? from = null, DateOnly? until = null)
    {
        ArgumentNullException.ThrowIfNull(times);
        Times = [.. times.Select(t => new TimeOnly(t.Hour, t.Minute)).Distinct().Order()];
        if (Times.Count is 0 or > MaxTimesPerDay)
        {
            throw new ArgumentException($"A schedule has 1 to {MaxTimesPerDay} times of day.", nameof(times));
        }

        if ((days & ScheduleDays.Every) == ScheduleDays.None || (days & ~ScheduleDays.Every) != ScheduleDays.None)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A schedule runs on at least one day of the week.");
        }

        if (everyDays is < 1 or > MaxEveryDays || (everyDays > 1 && (from is null || days != ScheduleDays.Every)))
        {
            throw new ArgumentOutOfRangeException(nameof(everyDays), everyDays, "Every N days needs a first date and no chosen weekdays.");
        }

        if (from is { } first && until is { } last && last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A schedule cannot end before it starts.");
        }

        Days = days;
        EveryDays = everyDays;
        From = from;
        Until = until;
    }

    /// <summary>Distinct, in order of the day, to the minute.</summary>
    public IReadOnlyList<TimeOnly> Times { get; }

    public ScheduleDays Days { get; }

    /// <summary>1 for schedules by weekday; N for every N days, counted from <see cref="From"/>.</summary>
    public int EveryDays { get; }

    /// <summary>The first local date it may fire on; <c>null</c> for "from whenever it was made".</summary>
    public DateOnly? From { get; }

    /// <summary>The last local date it fires on (inclusive); <c>null</c> for no end.</summary>
    public DateOnly? Until { get; }

    /// <summary>Once, on one date at one time.</summary>
    public bool IsOneOff => Times.Count == 1 && From is { } first && first == Until;

    /// <summary>Every day at one time, no end: what every reminder was before schedules had words.</summary>
    public bool IsPlainDaily => Times.Count == 1 && Days == ScheduleDays.Every && EveryDays == 1 && Until is null;

    public static ReminderSchedule Daily(params TimeOnly[] times) => new(times);

    public static ReminderSchedule Once(DateOnly date, TimeOnly time) => new([time], from: date, until: date);

    /// <summary>Whether the schedule fires on this local date (at each of its times): the fan-out's question.</summary>
    public bool IncludesDate(DateOnly date)
    {
        if ((From is { } first && date < first) || (Until is { } last && date > last))
        {
            return false;
        }

        if (EveryDays > 1)
        {
            return (date.DayNumber - From!.Value.DayNumber) % EveryDays == 0;
        }

        return (Days & DayOf(date.DayOfWeek)) != ScheduleDays.None;
    }

    /// <summary>
    /// The occurrences strictly after <paramref name="after"/>, in order, ending with the schedule's last date. Two of
    /// its times that land on the same instant (both inside one spring-forward gap) are one occurrence.
    /// </summary>
    public IEnumerable<ScheduleOccurrence> OccurrencesAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Enumerate(after, zone);
    }

    private IEnumerable<ScheduleOccurrence> Enumerate(DateTimeOffset after, TimeZoneInfo zone)
    {
        var date = DailySchedule.LocalDate(after, zone).AddDays(-1);
        if (From is { } first && first > date)
        {
            date = first;
        }

        DateTimeOffset? previous = null;
        for (; (Until is not { } last || date <= last) && date < DateOnly.MaxValue; date = date.AddDays(1))
        {
            if (!IncludesDate(date))
            {
                continue;
            }

            var changeDay = DailySchedule.IsTransitionDay(date, zone);
            foreach (var time in Times)
            {
                var at = DailySchedule.OccurrenceOn(date, time, zone);
                if (at > after && at != previous)
                {
                    previous = at;
                    yield return new ScheduleOccurrence(at, date, time, changeDay);
                }
            }
        }
    }

    /// <summary>At most <paramref name="count"/> occurrences strictly after <paramref name="after"/>; fewer when the schedule ends.</summary>
    public IReadOnlyList<ScheduleOccurrence> Next(DateTimeOffset after, TimeZoneInfo zone, int count) =>
        [.. OccurrencesAfter(after, zone).Take(count)];

    public static ScheduleDays DayOf(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => ScheduleDays.Monday,
        DayOfWeek.Tuesday => ScheduleDays.Tuesday,
        DayOfWeek.Wednesday => ScheduleDays.Wednesday,
        DayOfWeek.Thursday => ScheduleDays.Thursday,
        DayOfWeek.Friday => ScheduleDays.Friday,
        DayOfWeek.Saturday => ScheduleDays.Saturday,
        _ => ScheduleDays.Sunday,
    };

    public bool Equals(ReminderSchedule? other) =>
        other is not null && Times.SequenceEqual(other.Times) && Days == other.Days && EveryDays == other.EveryDays && From == other.From && Until == other.Until;

    public override int GetHashCode() => HashCode.Combine(Times.Count > 0 ? Times[0] : default, Times.Count, Days, EveryDays, From, Until);
}
