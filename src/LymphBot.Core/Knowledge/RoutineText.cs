namespace LymphBot.Core.Knowledge;

/// <summary>A reminder prompt or a seed tip: short text written from a source document.</summary>
public sealed record RoutineText(string Id, string Text, SourceReference Source, FilePosition Position);
