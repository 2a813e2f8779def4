using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>
/// The reminder outbox in memory, with SqlDeliveryStore's rules: one occurrence per (subscription, local date, kind, sequence),
/// written with no attempts; claims take pending deliveries due by then, oldest first, and mark them Sending; an outcome
/// with a retry time moves the due time; a stale claim goes back to pending.
/// </summary>
public sealed class InMemoryDeliveryStore : IDeliveryOutbox, IOccurrenceStore, IDeliveryHistory
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, Row> _rows = [];
    private long _lastId;

    /// <summary>Every delivery, in id order, as stored.</summary>
    public IReadOnlyList<Delivery> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values.Select(r => r.Delivery)];
            }
        }
    }

    public Task<int> EnqueueManyAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        lock (_gate)
        {
            return Task.FromResult(Enqueue(deliveries));
        }
    }

    public Task<bool> ExistsAsync(long subscriptionId, DateOnly localDate, DeliveryKind kind, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Exists(subscriptionId, localDate, kind));
        }
    }

    /// <summary>Skips the subscription's pending deliveries of a local date: all, or those of one <paramref name="kind"/> (the outcome store's settle).</summary>
    public Task<int> SkipPendingAsync(long subscriptionId, DateOnly localDate, DeliveryKind? kind, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Skip(subscriptionId, localDate, kind, reason));
        }
    }

    public Task<bool> SnoozeAsync(Delivery snooze, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snooze);

        // One step under the lock, as the database's transaction makes it.
        lock (_gate)
        {
            if (Enqueue([snooze]) == 0)
            {
                return Task.FromResult(false);
            }

            Skip(snooze.SubscriptionId, snooze.LocalDate, DeliveryKind.FollowUp, reason);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var claimed = _rows.Values.Where(r => r.Delivery.State == DeliveryState.Pending && r.Delivery.DueAt <= now)
                .OrderBy(r => r.Delivery.DueAt).ThenBy(r => r.Delivery.Id).Take(max).ToList();
            foreach (var row in claimed)
            {
                row.Delivery = row.Delivery with { State = DeliveryState.Sending };
                row.ClaimedAt = StoredTime.Of(now);
            }

            return Task.FromResult<IReadOnlyList<Delivery>>([.. claimed.Select(r => r.Delivery)]);
        }
    }

    public Task CompleteManyAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        lock (_gate)
        {
            foreach (var outcome in outcomes)
            {
                if (!_rows.TryGetValue(outcome.Id, out var row))
                {
                    continue;
                }

                row.Delivery = row.Delivery with
                {
                    State = outcome.State,
                    Attempts = outcome.Attempts,
                    Reason = outcome.Reason is { } reason ? StoredTime.Cut(reason, 500) : null,
                    DueAt = StoredTime.Of(outcome.RetryAt) ?? row.Delivery.DueAt,
                };
                row.ClaimedAt = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> ReleaseStaleAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stale = _rows.Values.Where(r => r.Delivery.State == DeliveryState.Sending && r.ClaimedAt < claimedBefore).ToList();
            foreach (var row in stale)
            {
                row.Delivery = row.Delivery with { State = DeliveryState.Pending };
                row.ClaimedAt = null;
            }

            return Task.FromResult(stale.Count);
        }
    }

    public Task<Delivery?> FindAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(id, out var row) ? row.Delivery : null);
        }
    }

    public Task<Delivery?> LatestAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.Values.Select(r => r.Delivery).Where(d => d.SubscriptionId == subscriptionId)
                .OrderByDescending(d => d.DueAt).ThenByDescending(d => d.Id).FirstOrDefault());
        }
    }

    /// <summary>Deletes a subscription's deliveries: its pending ones when it is deleted, all of them when its member is forgotten.</summary>
    internal void Remove(long subscriptionId, bool pendingOnly)
    {
        lock (_gate)
        {
            foreach (var row in _rows.Values.Where(r => r.Delivery.SubscriptionId == subscriptionId && (!pendingOnly || r.Delivery.State == DeliveryState.Pending)).ToList())
            {
                _rows.Remove(row.Delivery.Id);
            }
        }
    }

    internal void MoveChat(string platform, string from, string to)
    {
        lock (_gate)
        {
            foreach (var row in _rows.Values.Where(r => r.Delivery.Chat.Platform == platform && r.Delivery.Chat.ChatId == from))
            {
                row.Delivery = row.Delivery with { Chat = row.Delivery.Chat with { ChatId = to } };
            }
        }
    }

    private int Enqueue(IReadOnlyList<Delivery> deliveries)
    {
        var added = 0;
        foreach (var delivery in deliveries)
        {
            if (_rows.Values.Any(r => r.Delivery.SubscriptionId == delivery.SubscriptionId && r.Delivery.LocalDate == delivery.LocalDate && r.Delivery.Kind == delivery.Kind && r.Delivery.Sequence == delivery.Sequence))
            {
                continue;
            }

            var id = ++_lastId;
            _rows[id] = new Row(delivery with
            {
                Id = id,
                Attempts = 0,
                DueAt = StoredTime.Of(delivery.DueAt),
                Text = StoredTime.Cut(delivery.Text, 1000),
            });
            added++;
        }

        return added;
    }

    private int Skip(long subscriptionId, DateOnly localDate, DeliveryKind? kind, string reason)
    {
        var pending = _rows.Values.Where(r => r.Delivery.SubscriptionId == subscriptionId && r.Delivery.LocalDate == localDate && r.Delivery.State == DeliveryState.Pending && (kind is null || r.Delivery.Kind == kind)).ToList();
        foreach (var row in pending)
        {
            row.Delivery = row.Delivery with { State = DeliveryState.Skipped, Reason = reason };
        }

        return pending.Count;
    }

    private bool Exists(long subscriptionId, DateOnly localDate, DeliveryKind kind) =>
        _rows.Values.Any(r => r.Delivery.SubscriptionId == subscriptionId && r.Delivery.LocalDate == localDate && r.Delivery.Kind == kind);

    private sealed class Row(Delivery delivery)
    {
        public Delivery Delivery { get; set; } = delivery;

        public DateTimeOffset? ClaimedAt { get; set; }
    }
}
