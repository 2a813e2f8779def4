using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Programs;

/// <summary>Offers the programs of the knowledge base, as "gentle-7 · 7 gentle days", for the parameters that name one.</summary>
public sealed class ProgramSuggester(KnowledgeBase knowledge) : IValueSuggester
{
    public const string SourceName = "programs";

    public string Source => SourceName;

    public Task<IReadOnlyList<ValueSuggestion>> SuggestAsync(IncomingMessage asker, string typed, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return Task.FromResult(SuggestionFilter.Matching(knowledge.Snapshot.Programs.Select(p => new ValueSuggestion($"{p.Id} · {p.Title}", p.Id)), typed, max));
    }
}
