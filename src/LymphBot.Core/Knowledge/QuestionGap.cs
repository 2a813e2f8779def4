namespace LymphBot.Core.Knowledge;

/// <summary>A question the bot could not answer, counted in its normalised form; no user is recorded.</summary>
public sealed record QuestionGap(string Question, string Platform, int Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked);
