namespace LymphBot.Core.Knowledge;

/// <summary>A search hit: the entry, its BM25 score, and how much of the question it covers (0–1).</summary>
public sealed record ScoredEntry(KnowledgeEntry Entry, float Score, double Confidence);
