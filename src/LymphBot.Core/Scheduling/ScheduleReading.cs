namespace LymphBot.Core.Scheduling;

/// <summary>
/// The clause reader behind <see cref="ScheduleParser"/>: each <c>Read…</c> either takes its words and moves on,
/// leaves the position alone (the words are not its), or sets <see cref="Error"/> for words that can only be a
/// schedule but are wrong.
/// </summary>
internal sealed class ScheduleReading(IReadOnlyList<ScheduleToken> tokens)
{
    private const int MaxDays = 365;

    private readonly List<TimeOnly> _times = [];
    private int? _timesPerDay;
    private ScheduleDays _days = ScheduleDays.None;
    private int _everyDays = 1;
    private ScheduleDate? _start;
    private int? _forDays;
    private ScheduleDate? _until;
    private ScheduleDate? _onDate;
    private TimeSpan? _delay;

    public IReadOnlyList<ScheduleToken> Tokens { get; } = tokens;

    public int Position { get; set; }

    public bool AtEnd => Position >= Tokens.Count;

    public string? Error { get; private set; }

    /// <summary>The error is in the first words, which are not the schedule language at all.</summary>
    public bool ErrorAtStart { get; private set; }

    public ScheduleRequest Request => new()
    {
        Times = [.. _times.Distinct().Order()],
        Days = _days == ScheduleDays.None ? ScheduleDays.Every : _days,
        EveryDays = _everyDays,
        Start = _start,
        ForDays = _forDays,
        Until = _until,
        OnDate = _onDate,
        In = _delay,
    };

    public bool ReadClause() =>
        ReadTimesPerDay() || ReadOneOff() || ReadDays() || ReadStart() || ReadEnd() || ReadTimes();

    /// <summary>What is wrong with the clauses together, once all are read.</summary>
    public string? Check()
    {
        var times = _times.Distinct().Count();
        var repeating = _days != ScheduleDays.None || _everyDays > 1 || _start is not null || _forDays is not null || _until is not null;
        if (_delay is not null)
        {
            return times > 0 || repeating || _onDate is not null || _timesPerDay is not null
                ? ScheduleParser.Sentence("\"in …\" is a one-off by itself, without times or days", ScheduleParser.InExample)
                : null;
        }

        if (_onDate is not null)
        {
            return repeating || _timesPerDay is not null
                ? ScheduleParser.Sentence("a one-off on a date has no days, start or end; for a routine leave the date out", ScheduleParser.OneOffExample)
                : times != 1
                    ? ScheduleParser.Sentence(times == 0 ? "at what time?" : "a one-off has one time", ScheduleParser.OneOffExample)
                    : null;
        }

        if (times == 0)
        {
            return ScheduleParser.Sentence(_timesPerDay is { } wanted ? $"{wanted} times a day at which times?" : "at what time of day?", _timesPerDay is null ? ScheduleParser.DaysExample : ScheduleParser.TimesPerDayExample);
        }

        if (times > ReminderSchedule.MaxTimesPerDay)
        {
            return ScheduleParser.Sentence($"a reminder can have at most {ReminderSchedule.MaxTimesPerDay} times a day", ScheduleParser.TimesPerDayExample);
        }

        if (_timesPerDay is { } perDay && perDay != times)
        {
            var read = string.Join(", ", _times.Distinct().Order().Select(ReminderTime.Format));
            return ScheduleParser.Sentence($"{perDay} times a day needs {perDay} different times, and I read {times} ({read})", ScheduleParser.TimesPerDayExample);
        }

        if (_everyDays > 1 && _days != ScheduleDays.None && _days != ScheduleDays.Every)
        {
            return ScheduleParser.Sentence("every N days cannot also name weekdays; pick one", ScheduleParser.EveryExample);
        }

        return _forDays is not null && _until is not null
            ? ScheduleParser.Sentence("give either \"for N days\" or \"until a date\", not both", ScheduleParser.UntilExample)
            : null;
    }

    private string Word(int index) => index < Tokens.Count ? Tokens[index].Word : string.Empty;

    // "unreadable": the words are not the schedule language at all (a malformed time, "every" and an unknown word), as
    // opposed to its words with a wrong value ("every 0 days"); a caller may answer the former in its own terms.
    private bool Fail(string problem, string example, bool unreadable = false)
    {
        if (Error is null)
        {
            Error = ScheduleParser.Sentence(problem, example);
            ErrorAtStart = Position == 0 && unreadable;
        }

        return false;
    }

    private bool Take(int next)
    {
        Position = next;
        return true;
    }

    // "3 times a day", "twice daily", "three times per day".
    private bool ReadTimesPerDay()
    {
        var p = Position;
        int count;
        if (Word(p) is "once" or "twice")
        {
            count = Word(p) == "once" ? 1 : 2;
            p++;
        }
        else if (ScheduleWords.TryNumber(Word(p), out count) && Word(p + 1) is "times" or "time" or "x")
        {
            p += 2;
        }
        else
        {
            return false;
        }

        if (Word(p) is "daily")
        {
            p++;
        }
        else if (Word(p) is "a" or "per" or "each" or "every" && Word(p + 1) == "day")
        {
            p += 2;
        }
        else
        {
            return count > 1 ? Fail($"\"{count} times\" how often? Say {count} times a day", ScheduleParser.TimesPerDayExample) : false;
        }

        if (count is < 1 or > ReminderSchedule.MaxTimesPerDay)
        {
            return Fail($"a reminder can have 1 to {ReminderSchedule.MaxTimesPerDay} times a day", ScheduleParser.TimesPerDayExample);
        }

        _timesPerDay = count;
        return Take(p);
    }

    // "8:00", "at 7pm", "8:30 pm", "8:00 and 20:00", "8:00 14:00 20:00".
    private bool ReadTimes()
    {
        var p = Position;
        var at = Word(p) == "at";
        if (at)
        {
            p++;
        }

        if (!TryTime(ref p, out var first))
        {
            var word = Word(p);
            if (ScheduleWords.LooksLikeTime(word))
            {
                return Fail($"\"{Tokens[p].Text}\" is not a time of day; times run from 0:00 to 23:59, or 12am to 11:59pm", ScheduleParser.TimeExample, unreadable: true);
            }

            if ((at || _times.Count == 0) && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return Fail($"\"{Tokens[p].Text}\" alone is not a time; write it with minutes or am/pm, such as 8:00, 8am or 20:00", ScheduleParser.TimeExample, unreadable: true);
            }

            return false;
        }

        _times.Add(first);
        while (true)
        {
            var q = Word(p) is "and" or "&" or "at" ? p + 1 : p;
            if (!TryTime(ref q, out var next))
            {
                break;
            }

            _times.Add(next);
            p = q;
        }

        return Take(p);
    }

    private bool TryTime(ref int p, out TimeOnly time)
    {
        var word = Word(p);
        if (ScheduleWords.IsMeridiem(Word(p + 1)) && ReminderTime.TryParse($"{word} {Word(p + 1)}", out time))
        {
            p += 2;
            return true;
        }

        if (ReminderTime.TryParse(word, out time) || word is "noon" or "midnight")
        {
            time = word switch { "noon" => new TimeOnly(12, 0), "midnight" => TimeOnly.MinValue, _ => time };
            p++;
            return true;
        }

        return false;
    }

    // "daily", "every day", "weekdays", "on weekends", "every other day", "every 2 days", "mon wed fri", "every Monday and Thursday".
    private bool ReadDays()
    {
        var p = Position;
        var word = Word(p);
        if (word is "daily" or "everyday")
        {
            return AddDays(ScheduleDays.Every, p + 1);
        }

        if (word is "every" or "each")
        {
            var next = Word(p + 1);
            switch (next)
            {
                case "day":
                    return AddDays(ScheduleDays.Every, p + 2);
                case "other" when Word(p + 2) == "day":
                    return SetInterval(2, p + 3);
                case "weekday" or "weekdays":
                    return AddDays(ScheduleDays.Weekdays, p + 2);
                case "weekend" or "weekends":
                    return AddDays(ScheduleDays.Weekends, p + 2);
            }

            if (ScheduleWords.TryNumber(next, out var n) && next is not ("a" or "an"))
            {
                return Word(p + 2) switch
                {
                    "days" or "day" => n is < 1 or > MaxDays
                        ? Fail($"every {n} days: the number of days runs from 1 to {MaxDays}", ScheduleParser.EveryExample)
                        : SetInterval(n, p + 3),
                    "weeks" or "week" => n is < 1 or > MaxDays / 7
                        ? Fail($"every {n} weeks is too long", ScheduleParser.EveryExample)
                        : SetInterval(n * 7, p + 3),
                    _ => Fail($"every {n} what? Say every {n} days", ScheduleParser.EveryExample),
                };
            }

            return ReadDayList(p + 1) || Fail($"every \"{ScheduleParser.Shorten(Tokens.Count > p + 1 ? Tokens[p + 1].Text : string.Empty)}\"? Say every day, every weekday, every Monday or every 2 days", ScheduleParser.DaysExample, unreadable: true);
        }

        if (word == "on")
        {
            return Word(p + 1) switch
            {
                "weekdays" or "weekday" => AddDays(ScheduleDays.Weekdays, p + 2),
                "weekends" or "weekend" => AddDays(ScheduleDays.Weekends, p + 2),
                _ => ReadDayList(p + 1),
            };
        }

        return word switch
        {
            "weekdays" or "weekday" => AddDays(ScheduleDays.Weekdays, p + 1),
            "weekends" or "weekend" => AddDays(ScheduleDays.Weekends, p + 1),
            _ => ReadDayList(p),
        };
    }

    private bool ReadDayList(int p)
    {
        if (!ScheduleWords.TryDays(Word(p), out var days))
        {
            return false;
        }

        p++;
        while (true)
        {
            var q = Word(p) is "and" or "&" ? p + 1 : p;
            if (!ScheduleWords.TryDays(Word(q), out var more))
            {
                break;
            }

            days |= more;
            p = q + 1;
        }

        return AddDays(days, p);
    }

    private bool AddDays(ScheduleDays days, int next)
    {
        _days |= days;
        return Take(next);
    }

    private bool SetInterval(int days, int next)
    {
        if (_everyDays > 1)
        {
            return Fail("say \"every N days\" once", ScheduleParser.EveryExample);
        }

        _everyDays = days;
        return Take(next);
    }

    // "starting 2026-12-24", "starting today", "from tomorrow".
    private bool ReadStart()
    {
        var p = Position;
        var word = Word(p);
        if (word is not ("starting" or "starts" or "beginning" or "from"))
        {
            return false;
        }

        var at = Word(p + 1) == "on" ? p + 2 : p + 1;
        if (!ReadDate(at, out var date))
        {
            return Error is null && word != "from" && Fail($"\"{word}\" takes a date such as 2026-12-24, today or tomorrow", ScheduleParser.StartExample);
        }

        if (_start is not null)
        {
            return Fail("say when it starts once", ScheduleParser.StartExample);
        }

        _start = date;
        return Take(at + 1);
    }

    // "for 14 days", "for 2 weeks", "until 2027-01-31".
    private bool ReadEnd()
    {
        var p = Position;
        var word = Word(p);
        if (word == "for")
        {
            if (!ScheduleWords.TryNumber(Word(p + 1), out var n) || Word(p + 2) is not ("days" or "day" or "weeks" or "week"))
            {
                return false;
            }

            var days = Word(p + 2).StartsWith('w') ? n * 7 : n;
            if (days is < 1 or > MaxDays)
            {
                return Fail($"for {n} {Word(p + 2)}: a reminder runs for 1 to {MaxDays} days", ScheduleParser.ForExample);
            }

            _forDays = days;
            return Take(p + 3);
        }

        if (word is not ("until" or "till" or "til" or "through" or "thru"))
        {
            return false;
        }

        if (!ReadDate(p + 1, out var until))
        {
            return Error is null && Fail($"\"{word}\" takes a date such as 2027-01-31", ScheduleParser.UntilExample);
        }

        _until = until;
        return Take(p + 2);
    }

    // "tomorrow 9am", "today at 18:00", "on 2026-12-24 10:00", "2026-12-24 10:00", "in 2 hours", "in 90 min".
    private bool ReadOneOff()
    {
        var p = Position;
        var word = Word(p);
        if (word == "in")
        {
            return ReadDelay(p + 1);
        }

        var at = word == "on" ? p + 1 : p;
        if (!ReadDate(at, out var date))
        {
            return false;
        }

        if (_onDate is not null)
        {
            return Fail("a one-off has one date", ScheduleParser.OneOffExample);
        }

        _onDate = date;
        return Take(at + 1);
    }

    private bool ReadDelay(int p)
    {
        int count;
        TimeSpan unit;
        if (ScheduleWords.TryNumber(Word(p), out count) && ScheduleWords.TryUnit(Word(p + 1), out unit))
        {
            p += 2;
        }
        else if (ScheduleWords.TryGluedDuration(Word(p), out count, out unit))
        {
            p++;
        }
        else
        {
            return false;
        }

        var delay = unit * count;
        if (delay < TimeSpan.FromMinutes(1) || delay > TimeSpan.FromDays(MaxDays))
        {
            return Fail($"\"in\" takes 1 minute to {MaxDays} days", ScheduleParser.InExample);
        }

        _delay = delay;
        return Take(p);
    }

    private bool ReadDate(int p, out ScheduleDate date)
    {
        if (ScheduleWords.TryDate(Word(p), out date, out var malformed))
        {
            return true;
        }

        if (malformed)
        {
            Fail($"\"{Tokens[p].Text}\" is not a date; write it as year-month-day, such as 2026-12-24", ScheduleParser.StartExample);
        }

        return false;
    }
}
