using System.Collections.Concurrent;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Groups stored questions by what they ask about, not by their exact text, so moderators read "swelling after
/// surgery" once however people worded it. The rule: a question's content words are the terms the knowledge base's
/// own analyzer makes of it (domain synonyms expanded, filler words dropped, stemmed), so "swollen", "swelling" and
/// "puffy" meet where the answers meet. Questions are taken in an order (<see cref="Group{T}"/>: most asked first; the
/// dashboard: first asked first, so its groups can be kept up to date one question at a time,
/// <see cref="QuestionClusters{T}"/>); each joins the group whose first question shares the largest part of its content
/// words (Jaccard: shared / all, at least <see cref="MinSimilarity"/>; the earliest group on a tie), or starts a new
/// group. A question with no content word groups only with the same text.
/// <para>
/// Analysing a question is most of the cost (about 10 µs; the dashboard groups up to 10,000 when it starts and
/// after a change it cannot apply one question at a time), and a question's terms change only when the synonyms do: they are kept per question text with the
/// analyzer they came from, up to <see cref="TermsKept"/> texts, and the term strings are shared between questions.
/// </para>
/// </summary>
public sealed class QuestionGroups(KnowledgeBase knowledge) : IDisposable
{
    /// <summary>Half of the two questions' words together in common: "how long does swelling last after surgery" joins "swelling after surgery".</summary>
    public const double MinSimilarity = 0.5;

    /// <summary>Question texts whose terms are kept; past it the cache starts again (a few MiB at most).</summary>
    public const int TermsKept = 50_000;

    private readonly Lock _gate = new();
    private (string Rules, TermCache Cache)? _analyzer;

    /// <summary>The groups, most asked (all their questions together) first; each group's first item is its most asked question.</summary>
    public IReadOnlyList<IReadOnlyList<T>> Group<T>(IEnumerable<T> items, Func<T, string> question, Func<T, int> count)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(count);

        // Most asked first, then by text; the input's position orders equal items, so each is its own.
        var order = Comparer<(T Item, int At)>.Create((a, b) =>
        {
            var byCount = count(b.Item).CompareTo(count(a.Item));
            var byText = byCount != 0 ? byCount : string.CompareOrdinal(question(a.Item), question(b.Item));
            return byText != 0 ? byText : a.At.CompareTo(b.At);
        });
        var clusters = Clusters<(T Item, int At)>(x => question(x.Item), x => count(x.Item), order, EqualityComparer<(T, int)>.Default);
        foreach (var item in items.Select((item, at) => (item, at)).Order(order))
        {
            clusters.TryAdd(item);
        }

        return [.. clusters.Groups().Select(g => (IReadOnlyList<T>)[.. g.Select(x => x.Item)])];
    }

    /// <summary>
    /// An empty set of groups to add questions to in <paramref name="order"/> (<see cref="QuestionClusters{T}"/>), with
    /// the terms of the synonyms in force now. <paramref name="order"/> must be total: two items compare equal only if
    /// they are the same by <paramref name="identity"/>.
    /// </summary>
    public QuestionClusters<T> Clusters<T>(Func<T, string> question, Func<T, int> count, IComparer<T> order, IEqualityComparer<T> identity)
        where T : notnull
    {
        var cache = Cache();
        return new QuestionClusters<T>(cache.Terms, question, count, order, identity);
    }

    public void Dispose() => _analyzer?.Cache.Analyzer.Dispose();

    /// <summary>One analyzer, and the terms it gave, per synonym rules: built again only when a reload changed them.</summary>
    private TermCache Cache()
    {
        var rules = knowledge.Snapshot.Synonyms;
        lock (_gate)
        {
            if (_analyzer is not { } cached || !ReferenceEquals(cached.Rules, rules))
            {
                // The old one may still be in use by another request's grouping; it holds no unmanaged resources.
                _analyzer = (rules, new TermCache(new QuestionAnalyzer(QuestionAnalyzer.ParseSynonyms(rules), rules)));
            }

            return _analyzer.Value.Cache;
        }
    }

    /// <summary>The distinct terms of each question text analysed so far, for one analyzer.</summary>
    private sealed class TermCache(QuestionAnalyzer analyzer)
    {
        private readonly ConcurrentDictionary<string, string[]> _byText = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _shared = new(StringComparer.Ordinal);

        public QuestionAnalyzer Analyzer => analyzer;

        public string[] Terms(string text)
        {
            if (_byText.TryGetValue(text, out var known))
            {
                return known;
            }

            if (_byText.Count >= TermsKept)
            {
                _byText.Clear();
                _shared.Clear();
            }

            // Lucene's analyzers keep their token streams per thread: two requests may analyse at once.
            string[] terms = [.. analyzer.Terms(text, wordByWord: false).Select(t => _shared.GetOrAdd(t.Term, t.Term)).Distinct(StringComparer.Ordinal)];
            return _byText.GetOrAdd(text, terms);
        }
    }
}
