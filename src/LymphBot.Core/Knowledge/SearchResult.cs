namespace LymphBot.Core.Knowledge;

/// <summary>What the index found: hits best first, and the question's content words that no entry contains.</summary>
public sealed record SearchResult(IReadOnlyList<ScoredEntry> Hits, IReadOnlyList<string> UnknownWords)
{
    public static SearchResult Empty { get; } = new([], []);
}
