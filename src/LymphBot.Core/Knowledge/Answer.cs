namespace LymphBot.Core.Knowledge;

/// <summary>What the knowledge base made of a question.</summary>
public sealed record Answer(AnswerKind Kind, string Question, KnowledgeEntry? Entry, double Score)
{
    /// <summary>The red-flag category for <see cref="AnswerKind.Safety"/>.</summary>
    public RedFlagRule? RedFlag { get; init; }

    /// <summary>Up to three topics to offer when nothing was found.</summary>
    public IReadOnlyList<KnowledgeEntry> Suggestions { get; init; } = [];

    /// <summary>For <see cref="AnswerKind.Clarify"/>: the entries the question may have meant, best first.</summary>
    public IReadOnlyList<KnowledgeEntry> Candidates { get; init; } = [];

    /// <summary>
    /// Words of the question the answer does not cover (an answer that only partly matches, or why nothing was
    /// found); the reply says so instead of opening with "Yes".
    /// </summary>
    public IReadOnlyList<string> Uncovered { get; init; } = [];

    /// <summary>For <see cref="AnswerKind.NotFound"/>: the kind of question the source never answers (prices, …), if that was why.</summary>
    public string? NotCoveredKind { get; init; }

    /// <summary>For <see cref="AnswerKind.NotFound"/>: an entry on a related point whose first sentence may be added.</summary>
    public KnowledgeEntry? Related { get; init; }

    /// <summary>The question after spelling correction, when that changed it (for evaluations and tuning).</summary>
    public string? Corrected { get; init; }

    public string KindName => Kind switch
    {
        AnswerKind.Answer => "answer",
        AnswerKind.Safety => "safety",
        AnswerKind.Clarify => "clarify",
        _ => "not_found",
    };
}
