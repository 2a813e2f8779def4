using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// The real store, except that the first <c>callers</c> reads of a member's reminders wait for one another (or one
/// second), as if the platform had delivered their messages at the same instant. It forces the interleaving in which
/// a read-then-write limit check lets every message through.
/// </summary>
public sealed class LockstepReminderStore(IReminderStore inner, int callers) : IReminderStore
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task<IReadOnlyList<ReminderSubscription>> ListForMemberAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        var result = await inner.ListForMemberAsync(platform, userId, cancellationToken);
        var arrival = Interlocked.Increment(ref _arrived);
        if (arrival == callers)
        {
            _allArrived.TrySetResult();
        }
        else if (arrival < callers)
        {
            await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return result;
    }

    public Task<ReminderSubscription> AddAsync(ReminderSubscription subscription, CancellationToken cancellationToken) => inner.AddAsync(subscription, cancellationToken);

    public Task<ReminderAddResult> AddRoutineAsync(ReminderSubscription subscription, int maxPerMember, CancellationToken cancellationToken) =>
        inner.AddRoutineAsync(subscription, maxPerMember, cancellationToken);

    public Task<IReadOnlyList<ReminderSubscription>> AddDraftAsync(IReadOnlyList<ReminderSubscription> routine, CancellationToken cancellationToken) =>
        inner.AddDraftAsync(routine, cancellationToken);

    public Task<DraftSaveResult> SaveDraftAsync(ChatUser member, long draftId, int maxPerMember, CancellationToken cancellationToken) =>
        inner.SaveDraftAsync(member, draftId, maxPerMember, cancellationToken);

    public Task<DraftSaveResult> ReplaceRoutineAsync(ChatUser member, long draftId, long routineId, int maxPerMember, CancellationToken cancellationToken) =>
        inner.ReplaceRoutineAsync(member, draftId, routineId, maxPerMember, cancellationToken);

    public Task<bool> DeleteDraftAsync(ChatUser member, long draftId, CancellationToken cancellationToken) => inner.DeleteDraftAsync(member, draftId, cancellationToken);

    public Task<IReadOnlyList<ReminderSubscription>> ListReplacedForMemberAsync(string platform, string userId, CancellationToken cancellationToken) =>
        inner.ListReplacedForMemberAsync(platform, userId, cancellationToken);

    public Task<ReminderSubscription?> FindAsync(long id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<ReminderSubscription?> FindTipOfTheDayAsync(ChatAddress chat, CancellationToken cancellationToken) => inner.FindTipOfTheDayAsync(chat, cancellationToken);

    public Task UpdateStateAsync(long id, ReminderState state, DateTimeOffset? pausedUntil, string? reason, CancellationToken cancellationToken) =>
        inner.UpdateStateAsync(id, state, pausedUntil, reason, cancellationToken);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

    public Task<IReadOnlyList<ReminderSubscription>> ListSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken) =>
        inner.ListSlotAsync(timeZone, localTime, cancellationToken);

    public Task<IReadOnlyList<(string TimeZone, TimeOnly LocalTime)>> ListSlotsAsync(CancellationToken cancellationToken) => inner.ListSlotsAsync(cancellationToken);
}
