using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The kinds of question from <c>not-covered.md</c> (prices, how often, before or after a session, side effects),
/// each with the entries written for it: an entry whose own title or phrasing matches the kind may still answer.
/// A kind's <c>- unless …</c> lines name what makes a question that matches it another question: "how come I feel so
/// calm afterwards?" asks how a session leaves someone feeling, which the source covers, not what to do after one.
/// </summary>
public sealed class NotCoveredKinds
{
    private const string Unless = "unless ";

    private readonly List<(string Kind, Regex Pattern, Regex? Exception, HashSet<string> Entries)> _kinds;

    private NotCoveredKinds(List<(string, Regex, Regex?, HashSet<string>)> kinds)
    {
        _kinds = kinds;
    }

    public static NotCoveredKinds Build(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var kinds = new List<(string, Regex, Regex?, HashSet<string>)>();
        foreach (var topic in snapshot.NotCovered.Where(t => t.Patterns.Any(p => !IsException(p))))
        {
            var pattern = PhrasePattern.Compile([.. topic.Patterns.Where(p => !IsException(p))]);
            var exceptions = topic.Patterns.Where(IsException).Select(p => p[Unless.Length..].Trim()).ToList();
            var entries = snapshot.Entries
                .Where(e => e.Phrasings.Prepend(e.Title).Any(q => pattern.IsMatch(PhrasePattern.Normalize(q))))
                .Select(e => e.Id)
                .ToHashSet(StringComparer.Ordinal);
            kinds.Add((topic.Subject, pattern, exceptions.Count > 0 ? PhrasePattern.Compile(exceptions) : null, entries));
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
        foreach (var (kind, pattern, exception, entries) in _kinds)
        {
            if (!entries.Contains(entry.Id) && normalized.Any(t => pattern.IsMatch(t) && exception?.IsMatch(t) != true))
            {
                return kind;
            }
        }

        return null;
    }

    private static bool IsException(string pattern) => pattern.StartsWith(Unless, StringComparison.OrdinalIgnoreCase);
}
