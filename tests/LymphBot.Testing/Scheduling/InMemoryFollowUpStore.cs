using System.Collections.Concurrent;
using LymphBot.Core.Adherence;

namespace LymphBot.Testing.Scheduling;

/// <summary>Follow-ups in memory, with SqlFollowUpStore's rules: one per reminder; a slot lists those of its reminders.</summary>
public sealed class InMemoryFollowUpStore(InMemoryReminderStore reminders) : IFollowUpStore
{
    private readonly ConcurrentDictionary<long, FollowUp> _rows = [];

    public Task SetAsync(long subscriptionId, FollowUp? followUp, CancellationToken cancellationToken)
    {
        if (followUp is null)
        {
            _rows.TryRemove(subscriptionId, out _);
        }
        else
        {
            _rows[subscriptionId] = followUp;
        }

        return Task.CompletedTask;
    }

    public Task<FollowUp?> FindAsync(long subscriptionId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetValueOrDefault(subscriptionId));

    public Task<IReadOnlyDictionary<long, FollowUp>> ListSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, FollowUp>>(reminders.All
            .Where(s => s.TimeZone == timeZone && s.LocalTime == localTime && _rows.ContainsKey(s.Id))
            .ToDictionary(s => s.Id, s => _rows[s.Id]));

    internal void Forget(IEnumerable<long> subscriptionIds)
    {
        foreach (var id in subscriptionIds)
        {
            _rows.TryRemove(id, out _);
        }
    }
}
