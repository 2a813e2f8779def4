namespace LymphBot.Core.Scheduling;

/// <summary>
/// Makes sure a (zone, time) slot fires every day. One trigger per slot, not per subscriber: 100,000 subscribers
/// are a few hundred triggers, and the slot's job writes that minute's occurrences to the outbox.
/// </summary>
public interface ISlotScheduler
{
    Task EnsureSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken);

    /// <summary>Ensures many slots at once, touching only those that have no trigger yet (the start-up check).</summary>
    Task EnsureSlotsAsync(IEnumerable<(string TimeZone, TimeOnly LocalTime)> slots, CancellationToken cancellationToken);

    /// <summary>Stops a slot firing (its last subscription finished or was removed); removing a missing slot does nothing.</summary>
    Task RemoveSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken);
}
