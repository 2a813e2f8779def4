namespace LymphBot.Core.Scheduling;

/// <summary>The registered <see cref="IScheduledContent"/>, by the kind of schedule each serves.</summary>
public sealed class ScheduledContents(IEnumerable<IScheduledContent> contents)
{
    private readonly Dictionary<ReminderKind, IScheduledContent> _byKind = contents.ToDictionary(c => c.Kind);

    public IScheduledContent For(ReminderKind kind) =>
        _byKind.TryGetValue(kind, out var content) ? content : throw new InvalidOperationException($"No content is registered for schedules of kind {kind}.");
}
