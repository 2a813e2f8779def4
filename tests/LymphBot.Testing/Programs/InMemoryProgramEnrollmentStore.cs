using LymphBot.Core.Chat;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Testing.Programs;

/// <summary>
/// Program enrollments in memory, with SqlProgramEnrollmentStore's rules: one active enrollment per member and program
/// (its course still running), stored with its course in one step; an active one whose course is over counts as finished.
/// </summary>
public sealed class InMemoryProgramEnrollmentStore(InMemoryReminderStore reminders) : IProgramEnrollmentStore
{
    private readonly Lock _gate = new();
    private readonly List<ProgramEnrollment> _rows = [];

    public IReadOnlyList<ProgramEnrollment> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows];
            }
        }
    }

    public Task<ProgramJoinResult> JoinAsync(ProgramEnrollment enrollment, ReminderSubscription course, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(course);

        // Check, course and enrollment as one step, as the database's transaction makes them (the fake reminder store answers at once).
        lock (_gate)
        {
            if (_rows.Find(e => Same(e, enrollment.Member) && e.ProgramId == enrollment.ProgramId && e.State == ProgramEnrollmentState.Active && Running(e)) is { } existing)
            {
                return Task.FromResult(new ProgramJoinResult(false, existing));
            }

            for (var i = 0; i < _rows.Count; i++)
            {
                if (Same(_rows[i], enrollment.Member) && _rows[i].ProgramId == enrollment.ProgramId && _rows[i].State == ProgramEnrollmentState.Active)
                {
                    _rows[i] = _rows[i] with { State = ProgramEnrollmentState.Finished, EndedAt = enrollment.JoinedAt };
                }
            }

            var stored = reminders.AddAsync(course with { Kind = ReminderKind.Program }, cancellationToken).GetAwaiter().GetResult();
            var added = enrollment with { Id = _rows.Count + 1, SubscriptionId = stored.Id, Member = enrollment.Member with { DisplayName = string.Empty } };
            _rows.Add(added);
            return Task.FromResult(new ProgramJoinResult(true, added));
        }
    }

    public Task<IReadOnlyList<ProgramEnrollment>> ListForMemberAsync(ChatUser member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ProgramEnrollment>>([.. _rows.Where(e => Same(e, member)).Reverse()]);
        }
    }

    public Task<ProgramEnrollment?> FindBySubscriptionAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.Find(e => e.SubscriptionId == subscriptionId));
        }
    }

    public Task<bool> EndAsync(long enrollmentId, ProgramEnrollmentState state, int? daysDone, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var i = _rows.FindIndex(e => e.Id == enrollmentId && e.State == ProgramEnrollmentState.Active);
            if (i >= 0)
            {
                _rows[i] = _rows[i] with { State = state, DaysDone = daysDone, EndedAt = at };
            }

            return Task.FromResult(i >= 0);
        }
    }

    public Task<IReadOnlyList<ProgramCounts>> CountAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ProgramCounts>>([.. _rows.Where(e => e.Chat.Platform == chat.Platform && e.Chat.ChatId == chat.ChatId)
                .GroupBy(e => e.ProgramId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ProgramCounts(
                    g.Key,
                    g.Count(),
                    g.Count(e => e.State == ProgramEnrollmentState.Active && Running(e)),
                    g.Count(e => e.State == ProgramEnrollmentState.Finished || (e.State == ProgramEnrollmentState.Active && !Running(e))),
                    g.Count(e => e.State == ProgramEnrollmentState.Left)))]);
        }
    }

    /// <summary>Moves the enrollments made in a chat to its new id (SqlChatMigrationStore's move of <c>program_enrollments</c>).</summary>
    internal void MoveChat(string platform, string from, string to)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rows.Count; i++)
            {
                if (_rows[i].Chat.Platform == platform && _rows[i].Chat.ChatId == from)
                {
                    _rows[i] = _rows[i] with { Chat = _rows[i].Chat with { ChatId = to } };
                }
            }
        }
    }

    /// <summary>Deletes the member's enrollments (SqlPersonalDataStore's /forgetme).</summary>
    public void Forget(ChatUser member)
    {
        lock (_gate)
        {
            _rows.RemoveAll(e => Same(e, member));
        }
    }

    private bool Running(ProgramEnrollment enrollment) =>
        enrollment.SubscriptionId is { } id && reminders.All.FirstOrDefault(r => r.Id == id) is { State: not ReminderState.Finished };

    private static bool Same(ProgramEnrollment enrollment, ChatUser member) =>
        enrollment.Member.Platform == member.Platform && enrollment.Member.UserId == member.UserId;
}
