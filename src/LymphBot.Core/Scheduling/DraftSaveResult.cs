namespace LymphBot.Core.Scheduling;

/// <summary>
/// What pressing Save on a previewed reminder did. <paramref name="Saved"/> are the subscriptions now active;
/// <paramref name="Existing"/> the member's reminders that already had some of its times (left out of it);
/// <paramref name="MemberCount"/> how many the member had before (for an edit, apart from the routine it replaces).
/// </summary>
public sealed record DraftSaveResult(DraftSaveOutcome Outcome, IReadOnlyList<ReminderSubscription> Saved, IReadOnlyList<ReminderSubscription> Existing, int MemberCount)
{
    /// <summary>An edit's routine as it was before Save (its subscriptions now finished); empty for a new reminder.</summary>
    public IReadOnlyList<ReminderSubscription> Replaced { get; init; } = [];
}
