namespace LymphBot.Core.Scheduling;

/// <summary>Durable reminder subscriptions.</summary>
public interface IReminderStore
{
    Task<ReminderSubscription> AddAsync(ReminderSubscription subscription, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a member's routine reminder unless they already have one at that time and zone, or already have
    /// <paramref name="maxPerMember"/> across all their chats (finished ones do not count). Check and insert are one step, so messages sent at
    /// once from several chats cannot pass the limit together.
    /// </summary>
    Task<ReminderAddResult> AddRoutineAsync(ReminderSubscription subscription, int maxPerMember, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a previewed routine as drafts (one subscription per time, the later ones pointing at the first), and
    /// deletes the member's drafts older than a day; returns them stored, the first one's id naming the draft.
    /// </summary>
    Task<IReadOnlyList<ReminderSubscription>> AddDraftAsync(IReadOnlyList<ReminderSubscription> routine, CancellationToken cancellationToken);

    /// <summary>
    /// Turns the member's draft <paramref name="draftId"/> into active reminders, with <see cref="AddRoutineAsync"/>'s
    /// duplicate and limit checks in the same step; a second Save finds no draft and changes nothing.
    /// </summary>
    Task<DraftSaveResult> SaveDraftAsync(Chat.ChatUser member, long draftId, int maxPerMember, CancellationToken cancellationToken);

    /// <summary>
    /// <c>/remind edit</c>'s Save: in one step, with <see cref="SaveDraftAsync"/>'s checks against the member's other
    /// reminders, the draft's rows take the place of the member's routine <paramref name="routineId"/> as
    /// <see cref="DraftPlan.ForEdit"/> decides (its id and pause carried over), and the routine's old rows are finished,
    /// kept with their deliveries and outcomes. Nothing changes unless the outcome is <see cref="DraftSaveOutcome.Saved"/>.
    /// </summary>
    Task<DraftSaveResult> ReplaceRoutineAsync(Chat.ChatUser member, long draftId, long routineId, int maxPerMember, CancellationToken cancellationToken);

    /// <summary>Deletes the member's draft <paramref name="draftId"/>; <c>false</c> when there is none (saved, cancelled or expired).</summary>
    Task<bool> DeleteDraftAsync(Chat.ChatUser member, long draftId, CancellationToken cancellationToken);

    /// <summary>A member's routine reminders that have not finished, drafts left out (not the tip-of-the-day schedules they set up).</summary>
    Task<IReadOnlyList<ReminderSubscription>> ListForMemberAsync(string platform, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// A member's routine rows that <c>/remind edit</c> replaced (finished, kept with their deliveries and outcomes), oldest
    /// first: with the live rows of the same routine id, they are its history, so /progress and its streak survive an edit.
    /// </summary>
    Task<IReadOnlyList<ReminderSubscription>> ListReplacedForMemberAsync(string platform, string userId, CancellationToken cancellationToken);

    Task<ReminderSubscription?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The tip-of-the-day schedule of a chat, if it has one.</summary>
    Task<ReminderSubscription?> FindTipOfTheDayAsync(Chat.ChatAddress chat, CancellationToken cancellationToken);

    Task UpdateStateAsync(long id, ReminderState state, DateTimeOffset? pausedUntil, string? reason, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Subscriptions at a (zone, time) slot that have not finished, in id order.</summary>
    Task<IReadOnlyList<ReminderSubscription>> ListSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken);

    /// <summary>Every distinct (zone, time) slot with at least one unfinished subscription, to reconcile triggers at start.</summary>
    Task<IReadOnlyList<(string TimeZone, TimeOnly LocalTime)>> ListSlotsAsync(CancellationToken cancellationToken);
}
