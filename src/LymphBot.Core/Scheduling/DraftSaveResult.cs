namespace LymphBot.Core.Scheduling;

/// <summary>
/// What pressing Save on a previewed reminder did. <paramref name="Saved"/> are the subscriptions now active;
/// <paramref name="Existing"/> the member's reminders that already had some of its times (left out of it);
/// <paramref name="MemberCount"/> how many the member had before.
/// </summary>
public sealed record DraftSaveResult(DraftSaveOutcome Outcome, IReadOnlyList<ReminderSubscription> Saved, IReadOnlyList<ReminderSubscription> Existing, int MemberCount);
