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

    /// <summary>Forms of question ("what is it used for") and their patterns, from <c>intents.md</c>; entries declare which they answer.</summary>
    public IReadOnlyList<QuestionIntent> Intents { get; init; } = [];

    /// <summary>
    /// Figures of speech that name a red flag without meaning it ("my stomach looks six months pregnant"), from the
    /// <c>## not:</c> sections of <c>red-flags.md</c>: erased from a question before triage reads it.
    /// </summary>
    public IReadOnlyList<string> NotRedFlags { get; init; } = [];

    /// <summary>Real words that look like ours but mean something else (lipedema), from <c>distinct-words.txt</c>: never spell-corrected.</summary>
    public IReadOnlyList<string> DistinctWords { get; init; } = [];

    /// <summary>Courses of days with one step a day, from <c>programs/*.md</c>.</summary>
    public IReadOnlyList<ProgramDefinition> Programs { get; init; } = [];

    public ProgramDefinition? FindProgram(string id) => Programs.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    private Dictionary<string, KnowledgeEntry>? _byId;

    public KnowledgeEntry? Find(string id)
    {
        // Built on first use; a duplicate id (reported by validation) keeps its first entry.
        _byId ??= Entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _byId.GetValueOrDefault(id);
    }

    public SourceDocument? FindSource(string id) => Sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
