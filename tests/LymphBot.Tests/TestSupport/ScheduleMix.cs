using LymphBot.ConsoleChat;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// Issue 16's kinds of reminder in one slot minute (UTC) of a real-clock test, stored as <c>/remind</c> stores them,
/// each with its own label so the console's output tells their sends apart: schedules whose day it is (weekdays or
/// weekends, chosen days, every N days, a course, a course's last day, a one-off, a routine of several times, a program's
/// course on its third day, a weekly recap on its weekday) beside ones whose day it is not or that rest that day (a
/// planned rest day: nothing sent, and the day stays Rest), and three reminders with follow-ups whose buttons the test presses on a host's console
/// (they belong to the console's own member). Follow-ups come every hour, so none comes due by itself while a test
/// runs: the test makes each one due when its step wants it, standing in for the hour passing (the due time is the only
/// place that wait lives, so nothing else is skipped).
/// </summary>
public sealed class ScheduleMix
{
    public static readonly FollowUp Nag = new(TimeSpan.FromHours(1), 3);

    /// <summary>The program the mix's member is on (the one the knowledge base ships).</summary>
    private const string ProgramId = "gentle-7";

    private const string DoneReply = "Well done! No more nudges today.";
    private const string SnoozeReply = "Snoozed: I'll remind you again in 15 min (snooze 1 of 3).";

    // The console numbers a reminder's buttons Done, Skip, Snooze 15 min, Snooze 1 h, Snooze 3 h.
    private const int DoneButton = 1;
    private const int Snooze15Button = 3;

    private readonly List<MixedReminder> _reminders;
    private readonly ReminderDatabase _database;
    private readonly string _prefix;
    private readonly DateTimeOffset _minute;

    private ScheduleMix(ReminderDatabase database, string prefix, DateTimeOffset minute, List<MixedReminder> reminders)
    {
        _database = database;
        _prefix = prefix;
        _minute = minute;
        _reminders = reminders;
    }

    public IReadOnlyList<MixedReminder> Reminders => _reminders;

    /// <summary>Nagged; Done is pressed on its first follow-up, so the other two are never sent.</summary>
    public MixedReminder NagDone => Find("nag done");

    /// <summary>Nagged; Snooze 15 min is pressed on its first follow-up: the snooze is sent, the other follow-ups are not.</summary>
    public MixedReminder NagSnoozed => Find("nag snoozed");

    /// <summary>Nagged and never answered: all three follow-ups are sent.</summary>
    public MixedReminder NagUnanswered => Find("nag unanswered");

    /// <summary>How many of the mix's occurrences the slot at <paramref name="time"/> writes in the test.</summary>
    public int OccurrencesAt(TimeOnly time) => _reminders.Count(r => r.Time == time && r.Expected.Any(e => e.Kind == DeliveryKind.Daily));

    /// <summary>
    /// Adds the mix at <paramref name="minute"/>. <paramref name="routineAlso"/>: the routine's second time of day, and
    /// whether the test lives to see it fire. <paramref name="withFollowUps"/>: add the three nagged reminders.
    /// </summary>
    public static async Task<ScheduleMix> AddAsync(ReminderDatabase database, DateTimeOffset minute, string prefix, (DateTimeOffset At, bool Fires) routineAlso, bool withFollowUps)
    {
        ArgumentNullException.ThrowIfNull(database);
        var store = new SqlReminderStore(database.Database);
        var time = TimeOnly.FromDateTime(minute.UtcDateTime);
        var date = DateOnly.FromDateTime(minute.UtcDateTime);
        var today = ReminderSchedule.DayOf(date.DayOfWeek);
        var reminders = new List<MixedReminder>();
        var members = 0;

        async Task<MixedReminder> AddOneAsync(string name, ReminderSchedule? schedule, bool fires, bool finishes, string? member = null, long? routineId = null, DateTimeOffset? at = null)
        {
            var localTime = at is { } other ? TimeOnly.FromDateTime(other.UtcDateTime) : time;
            var subscription = new ReminderSubscription(
                0,
                new ChatUser(ConsoleChatPlatform.PlatformName, member ?? $"{prefix}-{++members}", "mixed"),
                ConsoleChatPlatform.LocalChat,
                localTime,
                "UTC",
                ReminderState.Active,
                TimeProvider.System.GetUtcNow())
            {
                Label = $"{prefix} {name}",
                RoutineId = routineId,
            };
            var added = await store.AddAsync(schedule is null ? subscription : subscription with { Schedule = schedule }, CancellationToken.None);
            var occurrenceDate = at is { } when ? DateOnly.FromDateTime(when.UtcDateTime) : date;
            var reminder = new MixedReminder(added.Id, added.Label!, localTime, occurrenceDate, finishes, fires ? [(DeliveryKind.Daily, 0, DeliveryState.Sent)] : []);
            reminders.Add(reminder);
            return reminder;
        }

        await AddOneAsync("weekdays or weekends", new([time], (today & ScheduleDays.Weekdays) != 0 ? ScheduleDays.Weekdays : ScheduleDays.Weekends), fires: true, finishes: false);
        await AddOneAsync("chosen days", new([time], today | ReminderSchedule.DayOf(date.AddDays(3).DayOfWeek)), fires: true, finishes: false);
        await AddOneAsync("other days", new([time], ScheduleDays.Every & ~today), fires: false, finishes: false);
        await AddOneAsync("every 2 days", new([time], everyDays: 2, from: date), fires: true, finishes: false);
        await AddOneAsync("every 2 days off", new([time], everyDays: 2, from: date.AddDays(-1)), fires: false, finishes: false);
        await AddOneAsync("every 3 days", new([time], everyDays: 3, from: date.AddDays(-6)), fires: true, finishes: false);
        await AddOneAsync("course", new([time], from: date.AddDays(-1), until: date.AddDays(12)), fires: true, finishes: false);
        await AddOneAsync("course last day", new([time], from: date.AddDays(-13), until: date), fires: true, finishes: true);
        await AddOneAsync("course not begun", new([time], from: date.AddDays(1), until: date.AddDays(14)), fires: false, finishes: false);
        await AddOneAsync("once", ReminderSchedule.Once(date, time), fires: true, finishes: true);
        await AddOneAsync("once tomorrow", ReminderSchedule.Once(date.AddDays(1), time), fires: false, finishes: false);
        var routine = await AddOneAsync("routine", null, fires: true, finishes: false, member: $"{prefix}-routine");
        await AddOneAsync("routine", null, fires: routineAlso.Fires, finishes: false, member: $"{prefix}-routine", routineId: routine.Id, at: routineAlso.At);

        // A routine whose member planned the day as a rest day (/remind rest): no occurrence, and the day stays Rest.
        var restMember = new ChatUser(ConsoleChatPlatform.PlatformName, $"{prefix}-rest", "mixed");
        var resting = await AddOneAsync("rest day", null, fires: false, finishes: false, member: restMember.UserId);
        await new SqlOutcomeStore(database.Database).RecordAsync(resting.Id, restMember, date, OccurrenceOutcome.Rest, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        reminders[^1] = resting with { Outcome = nameof(OccurrenceOutcome.Rest) };

        reminders.Add(await AddWeeklyRecapAsync(database, store, new ReminderSubscription(resting.Id, restMember, ConsoleChatPlatform.LocalChat, time, "UTC", ReminderState.Active, default) { Label = resting.Label }, date));
        reminders.Add(await AddProgramDayAsync(database, new ChatUser(ConsoleChatPlatform.PlatformName, $"{prefix}-program", "mixed"), time, date));
        if (withFollowUps)
        {
            var followUps = new SqlFollowUpStore(database.Database);
            (string Name, DeliveryState Second, bool Snoozed)[] nags = [("nag done", DeliveryState.Skipped, false), ("nag snoozed", DeliveryState.Skipped, true), ("nag unanswered", DeliveryState.Sent, false)];
            foreach (var (name, second, snoozed) in nags)
            {
                var nagged = await AddOneAsync(name, null, fires: true, finishes: false, member: ConsoleChatPlatform.LocalId);
                await followUps.SetAsync(nagged.Id, Nag, CancellationToken.None);
                List<(DeliveryKind, int, DeliveryState)> expected = [.. nagged.Expected, (DeliveryKind.FollowUp, 1, DeliveryState.Sent)];
                expected.AddRange(Enumerable.Range(2, Nag.Times - 1).Select(n => (DeliveryKind.FollowUp, n, second)));
                if (snoozed)
                {
                    expected.Add((DeliveryKind.Snooze, 1, DeliveryState.Sent));
                }

                reminders[^1] = nagged with { Expected = expected };
            }
        }

        return new ScheduleMix(database, prefix, minute, reminders);
    }

    /// <summary>
    /// The weekly recap of <paramref name="routine"/>'s member on the minute's weekday, set as <c>/progress weekly on</c>
    /// sets it: it lists their one routine (resting today), so it has something to say and is sent once.
    /// </summary>
    private static async Task<MixedReminder> AddWeeklyRecapAsync(ReminderDatabase database, SqlReminderStore store, ReminderSubscription routine, DateOnly date)
    {
        var (member, time) = (routine.Member, routine.LocalTime);
        var recap = await new SqlWeeklyRecapStore(database.Database, store).SetAsync(
            new ReminderSubscription(0, member, ConsoleChatPlatform.LocalChat, time, "UTC", ReminderState.Active, TimeProvider.System.GetUtcNow())
            {
                Kind = ReminderKind.WeeklyRecap,
                Schedule = new ReminderSchedule([time], ReminderSchedule.DayOf(date.DayOfWeek)),
            },
            CancellationToken.None);
        return new MixedReminder(recap.Id, $"{member.UserId} weekly recap", time, date, false, [(DeliveryKind.Daily, 0, DeliveryState.Sent)])
        {
            Heading = ReplyMarkup.ToPlainText(ProgressText.Heading([routine])),
        };
    }

    /// <summary>A member on day 3 of the shipped program, joined as <c>/program join</c> stores it: that day's step is sent once.</summary>
    private static async Task<MixedReminder> AddProgramDayAsync(ReminderDatabase database, ChatUser member, TimeOnly time, DateOnly date)
    {
        const int Day = 3;
        var file = Path.Combine(RepositoryPaths.Root, "knowledge", "programs", $"{ProgramId}.md");
        var program = ProgramFileReader.Read(file, File.ReadAllLines(file), []) ?? throw new InvalidOperationException($"{file} does not read as a program");
        var (now, firstDay) = (TimeProvider.System.GetUtcNow(), date.AddDays(1 - Day));
        var joined = await new SqlProgramEnrollmentStore(database.Database).JoinAsync(
            new ProgramEnrollment(0, program.Id, member, ConsoleChatPlatform.LocalChat, program.Days, firstDay, ProgramEnrollmentState.Active, now),
            new ReminderSubscription(0, member, ConsoleChatPlatform.LocalChat, time, "UTC", ReminderState.Active, now)
            {
                Kind = ReminderKind.Program,
                Schedule = new ReminderSchedule([time], from: firstDay, until: firstDay.AddDays(program.Days)),
            },
            CancellationToken.None);
        var step = program.StepOn(Day)!;
        return new MixedReminder(joined.Enrollment.SubscriptionId!.Value, $"{member.UserId} {program.Id} day {Day}", time, date, false, [(DeliveryKind.Daily, 0, DeliveryState.Sent)])
        {
            Heading = $"🌿 {program.Title}, day {Day} of {program.Days}: {step.Title} ({ReminderTime.Format(time)})",
        };
    }

    /// <summary>The first line the console prints for one of the mix's occurrences at <paramref name="time"/> that is not a routine's (<see cref="MixedReminder.Heading"/>).</summary>
    public bool IsHeadingAt(TimeOnly time, string line) => _reminders.Any(r => r.Time == time && r.Heading == line);

    /// <summary>
    /// Adds one more reminder of the console's member, at a time that does not come in the test, whose occurrence of
    /// today is already in the outbox and due later (as a slot's earlier run wrote it): the test makes it due.
    /// </summary>
    public async Task<MixedReminder> AddPendingOccurrenceAsync(string name)
    {
        var time = TimeOnly.FromDateTime(_minute.AddHours(12).UtcDateTime);
        var date = DateOnly.FromDateTime(_minute.UtcDateTime);
        var now = TimeProvider.System.GetUtcNow();
        var added = await new SqlReminderStore(_database.Database).AddAsync(
            new ReminderSubscription(0, new ChatUser(ConsoleChatPlatform.PlatformName, ConsoleChatPlatform.LocalId, "mixed"), ConsoleChatPlatform.LocalChat, time, "UTC", ReminderState.Active, now)
            {
                Label = $"{_prefix} {name}",
            },
            CancellationToken.None);
        await new SqlDeliveryStore(_database.Database).EnqueueManyAsync(
            [new Delivery(0, added.Id, added.Chat, date, DeliveryKind.Daily, _minute.AddHours(12), DeliveryState.Pending, 0, "Time for your daily routine.")],
            CancellationToken.None);
        var reminder = new MixedReminder(added.Id, added.Label!, time, date, false, [(DeliveryKind.Daily, 0, DeliveryState.Sent), (DeliveryKind.Snooze, 1, DeliveryState.Sent)]);
        _reminders.Add(reminder);
        return reminder;
    }

    /// <summary>Makes the first follow-up of <see cref="NagUnanswered"/> due and waits until one of the hosts has sent it.</summary>
    public Task SendFirstFollowUpAsync(IReadOnlyList<LymphBotInstance> hosts) =>
        DeliverAsync(hosts, NagUnanswered, DeliveryKind.FollowUp, 1);

    /// <summary>Makes <see cref="NagDone"/>'s first follow-up due and presses Done on it, on the host that sent it.</summary>
    public async Task PressDoneAsync(IReadOnlyList<LymphBotInstance> hosts) =>
        await PressAsync(await DeliverAsync(hosts, NagDone, DeliveryKind.FollowUp, 1), DoneButton, DoneReply);

    /// <summary>Makes <see cref="NagSnoozed"/>'s first follow-up due and presses Snooze 15 min on it, on the host that sent it.</summary>
    public async Task PressSnoozeAsync(IReadOnlyList<LymphBotInstance> hosts) =>
        await PressAsync(await DeliverAsync(hosts, NagSnoozed, DeliveryKind.FollowUp, 1), Snooze15Button, SnoozeReply);

    /// <summary>Makes <paramref name="reminder"/>'s occurrence (<see cref="AddPendingOccurrenceAsync"/>) due and presses Snooze 15 min on it.</summary>
    public async Task PressSnoozeAsync(IReadOnlyList<LymphBotInstance> hosts, MixedReminder reminder) =>
        await PressAsync(await DeliverAsync(hosts, reminder, DeliveryKind.Daily, 0), Snooze15Button, SnoozeReply);

    /// <summary>
    /// What the outbox, the subscriptions, the hosts' consoles and logs hold for the mix once the test has run: per
    /// (subscription, local date, kind, sequence) one row in its expected state, each Sent row printed exactly once
    /// across <paramref name="hosts"/> (an occurrence up to <paramref name="dailyRepeatsAllowed"/> more times, for sends
    /// in flight at a kill), nothing for a day that is not the schedule's, and the one-off and the course's last day
    /// finished, once.
    /// </summary>
    public async Task AssertDeliveredAsync(IReadOnlyList<LymphBotInstance> hosts, int dailyRepeatsAllowed)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var rows = await _database.ListOccurrencesAsync(_reminders.Select(r => r.Id));
        var states = await _database.SubscriptionStatesAsync(_reminders.Select(r => r.Id));

        // Every reminder is checked and every difference reported at once: one run of a slow test shows all that is wrong.
        var wrong = new List<string>();
        void Expect(bool holds, string otherwise)
        {
            if (!holds)
            {
                wrong.Add(otherwise);
            }
        }

        foreach (var reminder in _reminders)
        {
            var expected = reminder.Expected.Select(e => (reminder.Date, e.Kind, e.Sequence, e.State)).Order().ToList();
            Expect(expected.SequenceEqual(rows[reminder.Id].Order()), $"{reminder.Label} ({reminder.Id}): expected [{string.Join(", ", expected)}], outbox holds [{string.Join(", ", rows[reminder.Id])}]");
            Expect((reminder.Finishes ? "Finished" : "Active") == states[reminder.Id], $"{reminder.Label} ({reminder.Id}) is {states[reminder.Id]}");
            if (reminder.Outcome is { } outcome && await _database.OutcomeAsync(reminder.Id, reminder.Date) is var stored && stored != outcome)
            {
                wrong.Add($"{reminder.Label} ({reminder.Id}): outcome {stored ?? "none"} on {reminder.Date:yyyy-MM-dd}, expected {outcome}");
            }

            var finishedLogs = hosts.Sum(h => h.StandardError.Split('\n').Count(l => l.Contains($"Reminder {reminder.Id} finished:", StringComparison.Ordinal)));
            Expect((reminder.Finishes ? 1 : 0) == finishedLogs, $"{reminder.Label} ({reminder.Id}) logged as finished {finishedLogs} time(s)");
            foreach (var kind in (DeliveryKind[])[DeliveryKind.Daily, DeliveryKind.FollowUp, DeliveryKind.Snooze])
            {
                var sent = reminder.Expected.Count(e => e.Kind == kind && e.State == DeliveryState.Sent);
                var printed = hosts.Sum(h => h.Count(reminder.Printed(kind)));
                var repeats = kind == DeliveryKind.Daily ? dailyRepeatsAllowed : 0;
                Expect(printed >= sent && printed <= sent + repeats, $"{reminder.Label} ({reminder.Id}): {kind} printed {printed} time(s), sent {sent}, repeats allowed {repeats}");
            }
        }

        if (_reminders.Any(r => r.Label == $"{_prefix} nag done") && await _database.OutcomeAsync(NagDone.Id, NagDone.Date) is var nagged && nagged != "Done")
        {
            wrong.Add($"{NagDone.Label}: outcome {nagged ?? "none"}, expected Done");
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private MixedReminder Find(string name) => _reminders.Single(r => r.Label == $"{_prefix} {name}");

    /// <summary>
    /// Makes the row due now, waits until a host has printed it and recorded it as sent, and
    /// returns that host. Nothing else is due meanwhile, so it is that host's last reply with buttons.
    /// </summary>
    private async Task<LymphBotInstance> DeliverAsync(IReadOnlyList<LymphBotInstance> hosts, MixedReminder reminder, DeliveryKind kind, int sequence)
    {
        var printed = reminder.Printed(kind);
        var before = hosts.Select(h => h.Count(printed)).ToList();
        Assert.Equal(1, await _database.MakeDueAsync(reminder.Id, kind, sequence, TimeProvider.System.GetUtcNow()));

        LymphBotInstance? sender = null;
        await hosts[0].WaitUntilAsync(
            async () =>
            {
                sender = hosts.Where((h, i) => h.Count(printed) > before[i]).FirstOrDefault();
                return sender is not null && await _database.StateOfAsync(reminder.Id, kind, sequence) == "Sent";
            },
            TimeSpan.FromSeconds(30),
            $"send {reminder.Label}'s {kind} {sequence}");
        return sender!;
    }

    /// <summary>Types the button's number on the host's console, as its member would, and waits for the answer.</summary>
    private static async Task PressAsync(LymphBotInstance host, int button, string reply)
    {
        var answered = host.Count(l => l == reply);
        await host.SendLineAsync(button.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await host.WaitUntilAsync(() => host.Count(l => l == reply) > answered, TimeSpan.FromSeconds(30), $"answer button {button} with \"{reply}\"");
    }
}
