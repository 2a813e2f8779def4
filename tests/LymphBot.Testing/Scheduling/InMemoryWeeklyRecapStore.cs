using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>
/// Weekly recaps in the in-memory reminder store, with SqlWeeklyRecapStore's rules: one per member, kind WeeklyRecap;
/// setting it again keeps its id and makes it active.
/// </summary>
public sealed class InMemoryWeeklyRecapStore(InMemoryReminderStore reminders) : IWeeklyRecapStore
{
    private readonly Lock _gate = new();

    public Task<ReminderSubscription?> FindAsync(ChatUser member, CancellationToken cancellationToken) =>
        Task.FromResult(Find(member));

    public async Task<ReminderSubscription> SetAsync(ReminderSubscription recap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recap);
        ReminderSubscription? existing;
        lock (_gate)
        {
            existing = Find(recap.Member);
        }

        var stored = recap with { Kind = ReminderKind.WeeklyRecap, State = ReminderState.Active, PausedUntil = null, PauseReason = null };
        if (existing is null)
        {
            return await reminders.AddAsync(stored, cancellationToken);
        }

        reminders.Replace(stored with { Id = existing.Id, CreatedAt = existing.CreatedAt });
        return (await reminders.FindAsync(existing.Id, cancellationToken))!;
    }

    public async Task<bool> RemoveAsync(ChatUser member, CancellationToken cancellationToken) =>
        Find(member) is { } recap && await reminders.DeleteAsync(recap.Id, cancellationToken);

    private ReminderSubscription? Find(ChatUser member) =>
        reminders.All.FirstOrDefault(r => r.Kind == ReminderKind.WeeklyRecap && r.Member.Platform == member.Platform && r.Member.UserId == member.UserId);
}
