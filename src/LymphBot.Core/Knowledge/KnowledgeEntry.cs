namespace LymphBot.Core.Knowledge;

/// <summary>One question the bot can answer, as written in a file under <c>knowledge/entries</c>.</summary>
public sealed record KnowledgeEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Phrasings,
    string Answer,
    IReadOnlyList<string> Related,
    IReadOnlyList<SourceReference> Sources,
    FilePosition Position);
