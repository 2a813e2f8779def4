namespace LymphBot.Core.Scheduling;

/// <summary>
/// What Save does with a draft, given the member's live reminders, decided here once for every store: times the
/// member already has on the same schedule are left out (their draft rows deleted), the rest become active unless
/// that passes the limit (then nothing changes and the draft stays). <see cref="Delete"/> lists the draft rows to go.
/// </summary>
public sealed record DraftPlan(DraftSaveResult Result, IReadOnlyList<long> Delete)
{
    /// <summary>The reason stored on a routine's old rows, finished when an edit replaced them.</summary>
    public const string ReplacedReason = "replaced by /remind edit";

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

    /// <summary>
    /// What Save does with an edit's draft (<c>/remind edit</c>): the same checks against the member's other routines, and
    /// on success the draft's rows take the place of routine <paramref name="routineId"/>: they carry its id, so the
    /// member keeps the number they know, and its pause, since an edit changes when, not whether; the old rows are
    /// <see cref="DraftSaveResult.Replaced"/>, to be finished (kept, with their history). A routine that is gone takes the
    /// draft with it.
    /// </summary>
    public static DraftPlan ForEdit(IReadOnlyList<ReminderSubscription> draft, IReadOnlyList<ReminderSubscription> existing, long routineId, int maxPerMember)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(existing);
        List<ReminderSubscription> routine = [.. existing.Where(e => e.Routine == routineId)];
        if (draft.Count > 0 && routine.Count == 0)
        {
            return new(new(DraftSaveOutcome.RoutineGone, [], [], existing.Count), [.. draft.Select(d => d.Id)]);
        }

        var plan = For(draft, [.. existing.Where(e => e.Routine != routineId)], maxPerMember);
        if (plan.Result.Outcome != DraftSaveOutcome.Saved)
        {
            return plan;
        }

        var was = routine[0];
        return plan with
        {
            Result = plan.Result with
            {
                Saved = [.. plan.Result.Saved.Select(s => s with { State = was.State, PausedUntil = was.PausedUntil, PauseReason = was.PauseReason, RoutineId = routineId })],
                Replaced = routine,
            },
        };
    }
}
