namespace LymphBot.Core.Knowledge;

/// <summary>A citation: a source document and the paragraphs (¶) the facts come from.</summary>
public sealed record SourceReference(string DocumentId, IReadOnlyList<int> Paragraphs);
