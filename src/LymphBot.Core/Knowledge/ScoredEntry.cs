namespace LymphBot.Core.Knowledge;

/// <summary>A search hit: the entry, its BM25 score, and how much of the question it covers (0–1).</summary>
public sealed record ScoredEntry(KnowledgeEntry Entry, float Score, double Confidence)
{
    /// <summary>The question's words (as typed) that this entry does not cover, generic domain words left out.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
