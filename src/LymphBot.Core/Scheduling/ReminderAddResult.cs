namespace LymphBot.Core.Scheduling;

/// <summary>
/// What adding a routine reminder did. <paramref name="Subscription"/> is the stored one (<see cref="ReminderAddOutcome.Added"/>)
/// or the existing one at the same time (<see cref="ReminderAddOutcome.Duplicate"/>); <paramref name="MemberCount"/> is how
/// many the member had before.
/// </summary>
public sealed record ReminderAddResult(ReminderAddOutcome Outcome, ReminderSubscription? Subscription, int MemberCount);
