using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>Records the (zone, time) slots it was asked to ensure; like Quartz's triggers, a slot exists once however often it is ensured.</summary>
public sealed class RecordingSlotScheduler : ISlotScheduler
{
    private readonly Lock _gate = new();
    private readonly List<(string TimeZone, TimeOnly LocalTime)> _slots = [];

    /// <summary>The slots that exist, in the order they were first ensured.</summary>
    public IReadOnlyList<(string TimeZone, TimeOnly LocalTime)> Slots
    {
        get
        {
            lock (_gate)
            {
                return [.. _slots];
            }
        }
    }

    public Task EnsureSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_slots.Contains((timeZone, localTime)))
            {
                _slots.Add((timeZone, localTime));
            }
        }

        return Task.CompletedTask;
    }

    public async Task EnsureSlotsAsync(IEnumerable<(string TimeZone, TimeOnly LocalTime)> slots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slots);
        foreach (var (zone, time) in slots)
        {
            await EnsureSlotAsync(zone, time, cancellationToken);
        }
    }

    public Task RemoveSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _slots.Remove((timeZone, localTime));
        }

        return Task.CompletedTask;
    }
}
