namespace LymphBot.Core.Knowledge;

/// <summary>
/// A subject the source documents do not cover (prices, session length, products, ...), from
/// <c>knowledge/not-covered.md</c>: questions about it are "not found" rather than the nearest entry.
/// </summary>
public sealed record NotCoveredTopic(string Subject, IReadOnlyList<string> Patterns, FilePosition Position);
