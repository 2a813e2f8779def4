namespace LymphBot.Core.Knowledge;

/// <summary>One question the bot can answer, as written in a file under <c>knowledge/entries</c>.</summary>
public sealed record KnowledgeEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Phrasings,
    string Answer,
    IReadOnlyList<string> Related,
    IReadOnlyList<SourceReference> Sources,
    FilePosition Position)
{
    /// <summary>
    /// The forms of question this entry answers when a question names nothing but the therapy (<c>- intent:</c>,
    /// defined in <c>intents.md</c>): "what is it used for" is a benefits question whatever its filler.
    /// </summary>
    public IReadOnlyList<string> Intents { get; init; } = [];
}
