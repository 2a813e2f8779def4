using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>
/// Occurrence outcomes in memory, with SqlOutcomeStore's rules: one per (subscription, local date), a later one replaces
/// it; closing stores Missed for the slot's routine and program occurrences before today (within 35 days; not a program's
/// summary day) that have none; Paused never replaces an outcome; cancelling a rest day removes only a Rest.
/// </summary>
public sealed class InMemoryOutcomeStore(InMemoryReminderStore reminders) : IOutcomeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(long SubscriptionId, DateOnly LocalDate), (OutcomeRecord Record, ChatUser Member)> _rows = [];

    public IReadOnlyList<OutcomeRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values.Select(r => r.Record).OrderBy(r => r.SubscriptionId).ThenBy(r => r.LocalDate)];
            }
        }
    }

    public Task RecordAsync(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows[(subscriptionId, localDate)] = (new OutcomeRecord(subscriptionId, localDate, outcome, StoredTime.Of(at)), member);
        }

        return Task.CompletedTask;
    }

    public async Task<int> SettleAsync(long subscriptionId, ChatUser member, DateOnly localDate, OccurrenceOutcome outcome, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        // Nothing can fail between the two in memory; the outcome first, as a claimed nudge must find it.
        await RecordAsync(subscriptionId, member, localDate, outcome, at, cancellationToken);
        return await reminders.Deliveries.SkipPendingAsync(subscriptionId, localDate, null, reason, cancellationToken);
    }

    public Task<IReadOnlyList<OutcomeRecord>> ListAsync(long subscriptionId, DateOnly from, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutcomeRecord>>(
                [.. _rows.Values.Select(r => r.Record).Where(r => r.SubscriptionId == subscriptionId && r.LocalDate >= from).OrderBy(r => r.LocalDate)]);
        }
    }

    public Task<int> CloseMissedAsync(string timeZone, TimeOnly localTime, DateOnly today, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var slot = reminders.All.Where(s => s.TimeZone == timeZone && s.LocalTime == localTime && s.Kind is ReminderKind.Routine or ReminderKind.Program).ToDictionary(s => s.Id);

        // A program's last date is its summary's, which has nothing to tick.
        var open = reminders.Deliveries.All.Where(d => d.Kind == DeliveryKind.Daily && d.Sequence == 0 && slot.TryGetValue(d.SubscriptionId, out var s)
            && (s.Kind == ReminderKind.Routine || d.LocalDate < s.Schedule.Until) && d.LocalDate < today && d.LocalDate >= today.AddDays(-35));
        var closed = 0;
        lock (_gate)
        {
            foreach (var delivery in open)
            {
                if (_rows.TryAdd((delivery.SubscriptionId, delivery.LocalDate), (new OutcomeRecord(delivery.SubscriptionId, delivery.LocalDate, OccurrenceOutcome.Missed, StoredTime.Of(at)), slot[delivery.SubscriptionId].Member)))
                {
                    closed++;
                }
            }
        }

        return Task.FromResult(closed);
    }

    public Task<IReadOnlyList<OutcomeRecord>> ListForMemberAsync(ChatUser member, DateOnly from, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutcomeRecord>>(
            [
                .. _rows.Values.Where(r => r.Member.Platform == member.Platform && r.Member.UserId == member.UserId && r.Record.LocalDate >= from)
                    .Select(r => r.Record).OrderBy(r => r.LocalDate).ThenBy(r => r.SubscriptionId),
            ]);
        }
    }

    public Task<IReadOnlySet<long>> ListRestingAsync(string timeZone, TimeOnly localTime, DateOnly localDate, CancellationToken cancellationToken)
    {
        var slot = reminders.All.Where(s => s.TimeZone == timeZone && s.LocalTime == localTime).Select(s => s.Id).ToHashSet();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<long>>(
                _rows.Values.Select(r => r.Record).Where(r => r.LocalDate == localDate && r.Outcome == OccurrenceOutcome.Rest && slot.Contains(r.SubscriptionId))
                    .Select(r => r.SubscriptionId).ToHashSet());
        }
    }

    public Task<bool> CancelRestAsync(long subscriptionId, DateOnly localDate, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((subscriptionId, localDate), out var row) && row.Record.Outcome == OccurrenceOutcome.Rest
                && _rows.Remove((subscriptionId, localDate)));
        }
    }

    public Task<int> RecordPausedAsync(IReadOnlyList<ReminderSubscription> paused, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(paused.Count(s =>
                _rows.TryAdd((s.Id, localDate), (new OutcomeRecord(s.Id, localDate, OccurrenceOutcome.Paused, StoredTime.Of(at)), s.Member))));
        }
    }

    internal void Forget(ChatUser member)
    {
        lock (_gate)
        {
            foreach (var key in _rows.Where(r => r.Value.Member.Platform == member.Platform && r.Value.Member.UserId == member.UserId).Select(r => r.Key).ToList())
            {
                _rows.Remove(key);
            }
        }
    }
}
