namespace LymphBot.Core.Knowledge;

/// <summary>What the index found: hits best first, and the question's content words that no entry contains.</summary>
public sealed record SearchResult(IReadOnlyList<ScoredEntry> Hits, IReadOnlyList<string> UnknownWords)
{
    public static SearchResult Empty { get; } = new([], []);

    /// <summary>
    /// Of <see cref="UnknownWords"/>, those that are a subject of the question on their own ("detox your liver"),
    /// not one item of a list whose other items the base knows ("anxiety and depression").
    /// </summary>
    public IReadOnlyList<string> UnknownSubjects { get; init; } = [];
}
