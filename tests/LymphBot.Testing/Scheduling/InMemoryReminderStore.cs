using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>
/// Reminder subscriptions in memory, with SqlReminderStore's rules: a routine reminder is added only if the member has
/// none at that time, zone and schedule and fewer than the limit, checked and added in one step; deleting one deletes its pending
/// deliveries; a finished one or a draft is neither listed nor counted nor in its slot; a stored subscription keeps the member's id, not their name, and its time to the minute.
/// </summary>
public sealed class InMemoryReminderStore(InMemoryDeliveryStore deliveries) : IReminderStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, ReminderSubscription> _rows = [];
    private long _lastId;

    public InMemoryReminderStore()
        : this(new InMemoryDeliveryStore())
    {
    }

    /// <summary>The outbox whose pending deliveries go with a deleted subscription.</summary>
    public InMemoryDeliveryStore Deliveries { get; } = deliveries;

    /// <summary>Every subscription, routine reminders and tip-of-the-day schedules, in id order, as stored.</summary>
    public IReadOnlyList<ReminderSubscription> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values];
            }
        }
    }

    public Task<ReminderSubscription> AddAsync(ReminderSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            return Task.FromResult(Insert(subscription));
        }
    }

    public Task<ReminderAddResult> AddRoutineAsync(ReminderSubscription subscription, int maxPerMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            var existing = Routine(subscription.Member.Platform, subscription.Member.UserId).FindAll(IsLive);
            var at = Stored(subscription);
            if (existing.Find(r => r.LocalTime == at.LocalTime && r.TimeZone == at.TimeZone && r.Schedule == at.Schedule) is { } same)
            {
                return Task.FromResult(new ReminderAddResult(ReminderAddOutcome.Duplicate, same, existing.Count));
            }

            if (existing.Count >= maxPerMember)
            {
                return Task.FromResult(new ReminderAddResult(ReminderAddOutcome.LimitReached, null, existing.Count));
            }

            return Task.FromResult(new ReminderAddResult(ReminderAddOutcome.Added, Insert(subscription with { Kind = ReminderKind.Routine }), existing.Count));
        }
    }

    public Task<IReadOnlyList<ReminderSubscription>> AddDraftAsync(IReadOnlyList<ReminderSubscription> routine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var member = routine[0].Member;
        lock (_gate)
        {
            foreach (var old in Routine(member.Platform, member.UserId).Where(r => r.State == ReminderState.Draft && r.CreatedAt < routine[0].CreatedAt.AddDays(-1)))
            {
                _rows.Remove(old.Id);
            }

            var stored = new List<ReminderSubscription>();
            foreach (var subscription in routine)
            {
                stored.Add(Insert(subscription with { State = ReminderState.Draft, Kind = ReminderKind.Routine, RoutineId = stored.Count == 0 ? null : stored[0].Id }));
            }

            return Task.FromResult<IReadOnlyList<ReminderSubscription>>([.. stored.Select(s => _rows[s.Id])]);
        }
    }

    public Task<DraftSaveResult> SaveDraftAsync(ChatUser member, long draftId, int maxPerMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            return Task.FromResult(Apply(DraftPlan.For(Draft(member, draftId), Routine(member.Platform, member.UserId).FindAll(IsLive), maxPerMember)));
        }
    }

    public Task<DraftSaveResult> ReplaceRoutineAsync(ChatUser member, long draftId, long routineId, int maxPerMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            return Task.FromResult(Apply(DraftPlan.ForEdit(Draft(member, draftId), Routine(member.Platform, member.UserId).FindAll(IsLive), routineId, maxPerMember)));
        }
    }

    private DraftSaveResult Apply(DraftPlan plan)
    {
        foreach (var id in plan.Delete)
        {
            _rows.Remove(id);
        }

        foreach (var saved in plan.Result.Saved)
        {
            _rows[saved.Id] = _rows[saved.Id] with
            {
                State = saved.State,
                PausedUntil = StoredTime.Of(saved.PausedUntil),
                PauseReason = saved.PauseReason,
                RoutineId = saved.RoutineId,
            };
        }

        foreach (var replaced in plan.Result.Replaced)
        {
            _rows[replaced.Id] = _rows[replaced.Id] with { State = ReminderState.Finished, PausedUntil = null, PauseReason = DraftPlan.ReplacedReason };
        }

        return plan.Result;
    }

    public Task<bool> DeleteDraftAsync(ChatUser member, long draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            var draft = Draft(member, draftId);
            draft.ForEach(d => _rows.Remove(d.Id));
            return Task.FromResult(draft.Count > 0);
        }
    }

    public Task<IReadOnlyList<ReminderSubscription>> ListForMemberAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ReminderSubscription>>(Routine(platform, userId).FindAll(IsLive));
        }
    }

    public Task<IReadOnlyList<ReminderSubscription>> ListReplacedForMemberAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ReminderSubscription>>(
                Routine(platform, userId).FindAll(r => r.State == ReminderState.Finished && r.PauseReason == DraftPlan.ReplacedReason));
        }
    }

    public Task<ReminderSubscription?> FindAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(id, out var row) ? row : null);
        }
    }

    public Task<ReminderSubscription?> FindTipOfTheDayAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_gate)
        {
            return Task.FromResult(_rows.Values.FirstOrDefault(r => r.Kind == ReminderKind.TipOfTheDay && r.Chat.Platform == chat.Platform && r.Chat.ChatId == chat.ChatId));
        }
    }

    public Task UpdateStateAsync(long id, ReminderState state, DateTimeOffset? pausedUntil, string? reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(id, out var row))
            {
                _rows[id] = row with { State = state, PausedUntil = StoredTime.Of(pausedUntil), PauseReason = reason };
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Deliveries.Remove(id, pendingOnly: true);
            return Task.FromResult(_rows.Remove(id));
        }
    }

    public Task<IReadOnlyList<ReminderSubscription>> ListSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken)
    {
        var minute = ToMinute(localTime);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ReminderSubscription>>([.. _rows.Values.Where(r => r.TimeZone == timeZone && r.LocalTime == minute && IsLive(r))]);
        }
    }

    public Task<IReadOnlyList<(string TimeZone, TimeOnly LocalTime)>> ListSlotsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<(string, TimeOnly)>>([.. _rows.Values.Where(IsLive).Select(r => (r.TimeZone, r.LocalTime)).Distinct()]);
        }
    }

    /// <summary>
    /// Deletes the member's routine reminders with all their deliveries; the community schedules they set up (a tip of
    /// the day) stay, owned by nobody (SqlPersonalDataStore).
    /// </summary>
    /// <summary>Stores <paramref name="subscription"/> over the row with its id (InMemoryWeeklyRecapStore's upsert).</summary>
    internal void Replace(ReminderSubscription subscription)
    {
        lock (_gate)
        {
            _rows[subscription.Id] = Stored(subscription);
        }
    }

    internal void ForgetMember(ChatUser member, string communityOwner)
    {
        lock (_gate)
        {
            // A weekly recap and a program's course are the member's own too (SqlPersonalDataStore deletes every such kind).
            var recaps = _rows.Values.Where(r => r.Kind is ReminderKind.WeeklyRecap or ReminderKind.Program && r.Member.Platform == member.Platform && r.Member.UserId == member.UserId);
            foreach (var routine in Routine(member.Platform, member.UserId).Concat(recaps).ToList())
            {
                Deliveries.Remove(routine.Id, pendingOnly: false);
                _rows.Remove(routine.Id);
            }

            foreach (var own in _rows.Values.Where(r => r.Member.Platform == member.Platform && r.Member.UserId == member.UserId).ToList())
            {
                _rows[own.Id] = own with { Member = own.Member with { UserId = communityOwner } };
            }
        }
    }

    /// <summary>
    /// Moves a chat's subscriptions to its new id and turns back on those paused because the old chat could not be
    /// reached; returns how many moved (SqlChatMigrationStore).
    /// </summary>
    internal int MoveChat(string platform, string from, string to, string unreachablePrefix)
    {
        lock (_gate)
        {
            var moving = _rows.Values.Where(r => r.Chat.Platform == platform && r.Chat.ChatId == from).ToList();
            foreach (var row in moving)
            {
                var resumed = row.State == ReminderState.Paused && row.PauseReason?.StartsWith(unreachablePrefix, StringComparison.Ordinal) == true
                    ? row with { State = ReminderState.Active, PausedUntil = null, PauseReason = null }
                    : row;
                _rows[row.Id] = resumed with { Chat = row.Chat with { ChatId = to } };
            }

            return moving.Count;
        }
    }

    private ReminderSubscription Insert(ReminderSubscription subscription)
    {
        var id = ++_lastId;
        _rows[id] = Stored(subscription) with { Id = id, PausedUntil = null, PauseReason = null };
        return subscription with { Id = id };
    }

    private List<ReminderSubscription> Draft(ChatUser member, long draftId) =>
        Routine(member.Platform, member.UserId).FindAll(r => r.State == ReminderState.Draft && r.Routine == draftId);

    private static bool IsLive(ReminderSubscription subscription) => subscription.State is not (ReminderState.Finished or ReminderState.Draft);

    private List<ReminderSubscription> Routine(string platform, string userId) =>
        [.. _rows.Values.Where(r => r.Kind == ReminderKind.Routine && r.Member.Platform == platform && r.Member.UserId == userId)];

    // The row has the member's platform and id (no name), the time as HH:mm, instants in milliseconds.
    private static ReminderSubscription Stored(ReminderSubscription subscription) => subscription with
    {
        Member = subscription.Member with { DisplayName = string.Empty },
        Chat = subscription.Chat with { Platform = subscription.Member.Platform },
        LocalTime = ToMinute(subscription.LocalTime),
        CreatedAt = StoredTime.Of(subscription.CreatedAt),
    };

    private static TimeOnly ToMinute(TimeOnly time) => new(time.Hour, time.Minute);
}
