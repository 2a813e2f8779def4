namespace LymphBot.Core.Knowledge;

/// <summary>
/// Groups stored questions by what they ask about, not by their exact text, so moderators read "swelling after
/// surgery" once however people worded it. The rule: a question's content words are the terms the knowledge base's
/// own analyzer makes of it (domain synonyms expanded, filler words dropped, stemmed), so "swollen", "swelling" and
/// "puffy" meet where the answers meet. Questions are taken most asked first; each joins the group whose first
/// question shares the largest part of its content words (Jaccard: shared / all, at least <see cref="MinSimilarity"/>),
/// or starts a new group. A question with no content word groups only with the same text.
/// </summary>
public sealed class QuestionGroups(KnowledgeBase knowledge) : IDisposable
{
    /// <summary>Half of the two questions' words together in common: "how long does swelling last after surgery" joins "swelling after surgery".</summary>
    public const double MinSimilarity = 0.5;

    private readonly Lock _gate = new();
    private (string Rules, QuestionAnalyzer Analyzer)? _analyzer;

    /// <summary>The groups, most asked (all their questions together) first; each group's first item is its most asked question.</summary>
    public IReadOnlyList<IReadOnlyList<T>> Group<T>(IEnumerable<T> items, Func<T, string> question, Func<T, int> count)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(count);
        var analyzer = Analyzer();
        var groups = new List<(HashSet<string> Terms, List<T> Items)>();
        var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items.OrderByDescending(count).ThenBy(question, StringComparer.Ordinal))
        {
            var text = question(item);
            var terms = analyzer.Terms(text, wordByWord: false).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            var best = terms.Count == 0 ? (byText.TryGetValue(text, out var same) ? same : -1) : BestGroup(terms, groups, byTerm);
            if (best >= 0)
            {
                groups[best].Items.Add(item);
                continue;
            }

            groups.Add((terms, [item]));
            var index = groups.Count - 1;
            byText.TryAdd(text, index);
            foreach (var term in terms)
            {
                (byTerm.TryGetValue(term, out var list) ? list : byTerm[term] = []).Add(index);
            }
        }

        return [.. groups.Select(g => (IReadOnlyList<T>)g.Items).OrderByDescending(g => g.Sum(count))];
    }

    public void Dispose() => _analyzer?.Analyzer.Dispose();

    private static int BestGroup<T>(HashSet<string> terms, List<(HashSet<string> Terms, List<T> Items)> groups, Dictionary<string, List<int>> byTerm)
    {
        var best = -1;
        var bestSimilarity = MinSimilarity;
        foreach (var candidate in terms.Where(byTerm.ContainsKey).SelectMany(t => byTerm[t]).Distinct())
        {
            var other = groups[candidate].Terms;
            var shared = terms.Count(other.Contains);
            var similarity = (double)shared / (terms.Count + other.Count - shared);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && (best < 0 || candidate < best)))
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }

        return best;
    }

    /// <summary>One analyzer per synonym rules: built again only when a reload changed them.</summary>
    private QuestionAnalyzer Analyzer()
    {
        var rules = knowledge.Snapshot.Synonyms;
        lock (_gate)
        {
            if (_analyzer is not { } cached || !ReferenceEquals(cached.Rules, rules))
            {
                // The old one may still be in use by another request's grouping; it holds no unmanaged resources.
                _analyzer = (rules, new QuestionAnalyzer(QuestionAnalyzer.ParseSynonyms(rules), rules));
            }

            return _analyzer.Value.Analyzer;
        }
    }
}
