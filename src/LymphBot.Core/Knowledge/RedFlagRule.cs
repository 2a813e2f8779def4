namespace LymphBot.Core.Knowledge;

/// <summary>A category of red-flag questions from <c>knowledge/red-flags.md</c>, with its patterns.</summary>
public sealed record RedFlagRule(string Category, SafetyUrgency Urgency, IReadOnlyList<string> Patterns, FilePosition Position);
