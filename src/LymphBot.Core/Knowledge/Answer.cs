namespace LymphBot.Core.Knowledge;

/// <summary>What the knowledge base made of a question.</summary>
public sealed record Answer(AnswerKind Kind, string Question, KnowledgeEntry? Entry, double Score)
{
    /// <summary>The red-flag category for <see cref="AnswerKind.Safety"/>.</summary>
    public RedFlagRule? RedFlag { get; init; }

    /// <summary>Up to three topics to offer when nothing was found.</summary>
    public IReadOnlyList<KnowledgeEntry> Suggestions { get; init; } = [];

    public string KindName => Kind switch
    {
        AnswerKind.Answer => "answer",
        AnswerKind.Safety => "safety",
        _ => "not_found",
    };
}
