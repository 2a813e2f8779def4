namespace LymphBot.Core.Adherence;

/// <summary>The stored outcome of a routine on one local date.</summary>
public sealed record OutcomeRecord(long SubscriptionId, DateOnly LocalDate, OccurrenceOutcome Outcome, DateTimeOffset RecordedAt);
