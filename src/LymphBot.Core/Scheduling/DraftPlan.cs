namespace LymphBot.Core.Scheduling;

/// <summary>
/// What Save does with a draft, given the member's live reminders, decided here once for every store: times the
/// member already has on the same schedule are left out (their draft rows deleted), the rest become active unless
/// that passes the limit (then nothing changes and the draft stays). <see cref="Delete"/> lists the draft rows to go.
/// </summary>
public sealed record DraftPlan(DraftSaveResult Result, IReadOnlyList<long> Delete)
{
    public static DraftPlan For(IReadOnlyList<ReminderSubscription> draft, IReadOnlyList<ReminderSubscription> existing, int maxPerMember)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(existing);
        if (draft.Count == 0)
        {
            return new(new(DraftSaveOutcome.NotFound, [], [], existing.Count), []);
        }

        var same = draft.Select(d => existing.FirstOrDefault(e => e.LocalTime == d.LocalTime && e.TimeZone == d.TimeZone && e.Schedule == d.Schedule)).ToList();
        List<ReminderSubscription> already = [.. same.OfType<ReminderSubscription>()];
        List<ReminderSubscription> fresh = [.. draft.Where((_, i) => same[i] is null)];
        if (fresh.Count == 0)
        {
            return new(new(DraftSaveOutcome.Duplicate, [], already, existing.Count), [.. draft.Select(d => d.Id)]);
        }

        if (existing.Count + fresh.Count > maxPerMember)
        {
            return new(new(DraftSaveOutcome.LimitReached, [], already, existing.Count), []);
        }

        return new(
            new(DraftSaveOutcome.Saved, [.. fresh.Select(f => f with { State = ReminderState.Active })], already, existing.Count),
            [.. draft.Where((_, i) => same[i] is not null).Select(d => d.Id)]);
    }
}
