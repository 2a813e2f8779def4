using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;

namespace LymphBot.Core.Programs;

/// <summary>
/// Joining and leaving a program, shared by <c>/program join|leave</c> and the Join buttons. A course starts on the
/// first day the chosen time comes round in the member's zone, runs one step a day for the program's days, and sends
/// its summary the day after at the same time; it goes to the chat the member joined in, as a reminder made there does.
/// </summary>
public sealed class ProgramEnrollments(
    KnowledgeBase knowledge,
    IProgramEnrollmentStore store,
    IReminderStore reminders,
    ISlotScheduler slots,
    IChatUserStore users,
    TimeProvider time)
{
    public ProgramDefinition? Find(string id) => knowledge.Snapshot.FindProgram(id.Trim().ToLowerInvariant());

    public static Reply Unknown(string id) =>
        Reply.Refusal($"There is no program '{id}'. Send /program to see the programs.");

    /// <summary>The member's saved zone (<c>/timezone</c>), canonical; <c>null</c> when none is saved.</summary>
    public async Task<string?> SavedZoneAsync(ChatUser member, CancellationToken cancellationToken)
    {
        var saved = (await users.FindAsync(member, cancellationToken))?.TimeZone;
        return saved is not null && TimeZones.TryFind(saved, out _, out var zone) ? zone : null;
    }

    /// <summary>The member's enrollment on <paramref name="programId"/> whose days are still to come, if any.</summary>
    public async Task<ProgramEnrollment?> ActiveAsync(ChatUser member, string programId, CancellationToken cancellationToken) =>
        (await ActiveAsync(member, cancellationToken)).FirstOrDefault(e => e.ProgramId == programId);

    public async Task<Reply> JoinAsync(IncomingMessage message, ProgramDefinition program, TimeOnly localTime, string zoneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(program);
        var now = time.GetUtcNow();
        var zone = TimeZones.Find(zoneId);
        var first = DailySchedule.Next(now, localTime, zone, 1)[0];
        var firstDay = DailySchedule.LocalDate(first, zone);

        // The steps, then one day more for the summary.
        var course = new ReminderSubscription(0, message.Sender, message.Chat, localTime, zoneId, ReminderState.Active, now)
        {
            Kind = ReminderKind.Program,
            Schedule = new ReminderSchedule([localTime], from: firstDay, until: firstDay.AddDays(program.Days)),
        };
        await users.EnsureAsync(message.Sender, now, cancellationToken);
        var result = await store.JoinAsync(
            new ProgramEnrollment(0, program.Id, message.Sender, message.Chat with { ThreadId = null }, program.Days, firstDay, ProgramEnrollmentState.Active, now),
            course,
            cancellationToken);
        if (!result.Joined)
        {
            return await AlreadyOnAsync(program, result.Enrollment, cancellationToken);
        }

        await slots.EnsureSlotAsync(zoneId, localTime, cancellationToken);
        return Private(
            $"You're in: **{ReplyMarkup.Escape(program.Title)}**, one step a day at **{ReminderTime.FormatSlot(localTime, zoneId)}** for {program.Days} days, " +
            $"then a short summary. Day 1 comes {ReminderText.Occurrence(first, zoneId)}. Send /program leave to stop.");
    }

    /// <summary>Stops the member's course on <paramref name="programId"/>, or on their only program when none is named.</summary>
    public async Task<Reply> LeaveAsync(ChatUser member, string? programId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var active = await ActiveAsync(member, cancellationToken);
        var id = programId?.Trim().ToLowerInvariant();
        var leaving = id is null ? (active.Count == 1 ? active[0] : null) : active.FirstOrDefault(e => e.ProgramId == id);
        if (leaving is null)
        {
            return Reply.Refusal(active.Count switch
            {
                0 => "You're not on any program. Send /program to see them.",
                _ when id is not null => $"You're not on '{id}'. You're on: {string.Join(", ", active.Select(e => e.ProgramId))}.",
                _ => $"You're on {active.Count} programs; say which, for example /program leave {active[0].ProgramId}.",
            });
        }

        var now = time.GetUtcNow();
        await store.EndAsync(leaving.Id, ProgramEnrollmentState.Left, null, now, cancellationToken);
        if (leaving.SubscriptionId is { } course)
        {
            // Its pending steps go with it; the slot's trigger goes when the slot next fires with nobody left in it.
            await reminders.DeleteAsync(course, cancellationToken);
        }

        var title = Find(leaving.ProgramId)?.Title ?? leaving.ProgramId;
        return Private($"You've left **{ReplyMarkup.Escape(title)}**. No more steps will come. You can join again any time.");
    }

    private async Task<List<ProgramEnrollment>> ActiveAsync(ChatUser member, CancellationToken cancellationToken)
    {
        var active = new List<ProgramEnrollment>();
        foreach (var enrollment in (await store.ListForMemberAsync(member, cancellationToken)).Where(e => e.State == ProgramEnrollmentState.Active))
        {
            // A course that ended while the bot was down never sent its summary: its days are over all the same.
            if (enrollment.SubscriptionId is { } id && await reminders.FindAsync(id, cancellationToken) is { State: not ReminderState.Finished })
            {
                active.Add(enrollment);
            }
        }

        return active;
    }

    /// <summary>The reply to a second join: where the member is in the course they have, and when its steps come.</summary>
    public async Task<Reply> AlreadyOnAsync(ProgramDefinition program, ProgramEnrollment enrollment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(enrollment);
        var course = enrollment.SubscriptionId is { } id ? await reminders.FindAsync(id, cancellationToken) : null;
        var day = course is null ? 0 : enrollment.DayOf(DailySchedule.LocalDate(time.GetUtcNow(), TimeZones.Find(course.TimeZone)));
        var where = day < 1 ? "it starts with its next step" : $"day {Math.Min(day, enrollment.Days)} of {enrollment.Days}";
        var when = course is null ? string.Empty : $", at {ReminderTime.FormatSlot(course.LocalTime, course.TimeZone)}";
        return Private($"You're already on **{ReplyMarkup.Escape(program.Title)}** ({where}{when}), so nothing changed. Send /program leave to stop it.");
    }

    private static Reply Private(string markup) => new(markup) { Private = true };
}
