namespace LymphBot.Core.Knowledge;

/// <summary>Everything read from the knowledge folder at one moment; immutable, swapped whole on reload.</summary>
public sealed record KnowledgeSnapshot(
    IReadOnlyList<KnowledgeEntry> Entries,
    IReadOnlyList<SourceDocument> Sources,
    IReadOnlyList<RedFlagRule> RedFlags,
    string Synonyms,
    IReadOnlyList<RoutineText> Reminders,
    IReadOnlyList<RoutineText> Tips)
{
    public static KnowledgeSnapshot Empty { get; } = new([], [], [], string.Empty, [], []);

    /// <summary>Subjects the documents do not cover, from <c>not-covered.md</c>.</summary>
    public IReadOnlyList<NotCoveredTopic> NotCovered { get; init; } = [];

    public KnowledgeEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    public SourceDocument? FindSource(string id) => Sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
