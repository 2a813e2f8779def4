using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The kinds of question from <c>not-covered.md</c> (prices, how often, before or after a session, side effects),
/// each with the entries written for it: an entry whose own title or phrasing matches the kind may still answer.
/// </summary>
public sealed class NotCoveredKinds
{
    private readonly List<(string Kind, Regex Pattern, HashSet<string> Entries)> _kinds;

    private NotCoveredKinds(List<(string, Regex, HashSet<string>)> kinds)
    {
        _kinds = kinds;
    }

    public static NotCoveredKinds Build(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var kinds = new List<(string, Regex, HashSet<string>)>();
        foreach (var topic in snapshot.NotCovered.Where(t => t.Patterns.Count > 0))
        {
            var pattern = PhrasePattern.Compile(topic.Patterns);
            var entries = snapshot.Entries
                .Where(e => e.Phrasings.Prepend(e.Title).Any(q => pattern.IsMatch(PhrasePattern.Normalize(q))))
                .Select(e => e.Id)
                .ToHashSet(StringComparer.Ordinal);
            kinds.Add((topic.Subject, pattern, entries));
        }

        return new NotCoveredKinds(kinds);
    }

    /// <summary>
    /// The kind of question the texts ask (the question as typed, as spell-corrected, as read plainly) that
    /// <paramref name="entry"/> was not written for, if any.
    /// </summary>
    public string? Unanswered(KnowledgeEntry entry, params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(texts);
        var normalized = texts.Select(PhrasePattern.Normalize).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (kind, pattern, entries) in _kinds)
        {
            if (!entries.Contains(entry.Id) && normalized.Any(t => pattern.IsMatch(t)))
            {
                return kind;
            }
        }

        return null;
    }
}
