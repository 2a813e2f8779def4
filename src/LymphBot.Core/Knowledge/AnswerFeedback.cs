namespace LymphBot.Core.Knowledge;

/// <summary>A 👍 or 👎 on an answer, kept with the entry it was about.</summary>
public sealed record AnswerFeedback(string EntryId, bool Helpful, string Platform, DateTimeOffset At);
