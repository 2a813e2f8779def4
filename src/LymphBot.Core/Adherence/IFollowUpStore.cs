namespace LymphBot.Core.Adherence;

/// <summary>The follow-ups members set on their reminders, kept beside the reminders (one per reminder at most).</summary>
public interface IFollowUpStore
{
    /// <summary>Sets the reminder's follow-up; <c>null</c> removes it.</summary>
    Task SetAsync(long subscriptionId, FollowUp? followUp, CancellationToken cancellationToken);

    Task<FollowUp?> FindAsync(long subscriptionId, CancellationToken cancellationToken);

    /// <summary>The follow-ups of the reminders in a (zone, time) slot, by reminder id: what the slot's fan-out reads once per run.</summary>
    Task<IReadOnlyDictionary<long, FollowUp>> ListSlotAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken);
}
