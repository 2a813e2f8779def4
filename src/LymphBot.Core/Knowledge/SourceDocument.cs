namespace LymphBot.Core.Knowledge;

/// <summary>A document the knowledge base is written from, listed in <c>knowledge/sources.md</c> (the text itself is not kept).</summary>
public sealed record SourceDocument(string Id, string Title, string File, int ParagraphCount, FilePosition Position);
