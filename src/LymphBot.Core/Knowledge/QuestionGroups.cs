using System.Collections.Concurrent;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Groups stored questions by what they ask about, not by their exact text, so moderators read "swelling after
/// surgery" once however people worded it. The rule: a question's content words are the terms the knowledge base's
/// own analyzer makes of it (domain synonyms expanded, filler words dropped, stemmed), so "swollen", "swelling" and
/// "puffy" meet where the answers meet. Questions are taken most asked first; each joins the group whose first
/// question shares the largest part of its content words (Jaccard: shared / all, at least <see cref="MinSimilarity"/>),
/// or starts a new group. A question with no content word groups only with the same text.
/// <para>
/// Analysing a question is most of the cost (about 10 µs; the dashboard groups up to 10,000 on every view of the
/// knowledge gaps), and a question's terms change only when the synonyms do: they are kept per question text with the
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
        var cache = Cache();
        var groups = new List<(int Terms, List<T> Items)>();
        var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shared = new SharedTerms();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items.OrderByDescending(count).ThenBy(question, StringComparer.Ordinal))
        {
            var text = question(item);
            var terms = cache.Terms(text);
            var best = terms.Length == 0 ? (byText.TryGetValue(text, out var same) ? same : -1) : BestGroup(terms, groups, byTerm, shared);
            if (best >= 0)
            {
                groups[best].Items.Add(item);
                continue;
            }

            groups.Add((terms.Length, [item]));
            var index = groups.Count - 1;
            byText.TryAdd(text, index);
            foreach (var term in terms)
            {
                (byTerm.TryGetValue(term, out var list) ? list : byTerm[term] = []).Add(index);
            }
        }

        return [.. groups.Select(g => (IReadOnlyList<T>)g.Items).OrderByDescending(g => g.Sum(count))];
    }

    public void Dispose() => _analyzer?.Cache.Analyzer.Dispose();

    /// <summary>
    /// The group whose first question is most like <paramref name="terms"/> (the question's distinct terms), or -1:
    /// the terms shared with each group are counted along the groups' lists per term, so a term common to a thousand
    /// groups costs a thousand additions, not a thousand set comparisons.
    /// </summary>
    private static int BestGroup<T>(string[] terms, List<(int Terms, List<T> Items)> groups, Dictionary<string, List<int>> byTerm, SharedTerms shared)
    {
        shared.Start(groups.Count);
        foreach (var term in terms)
        {
            if (byTerm.TryGetValue(term, out var list))
            {
                foreach (var group in list)
                {
                    shared.Add(group);
                }
            }
        }

        var best = -1;
        var bestSimilarity = MinSimilarity;
        foreach (var candidate in shared.Touched)
        {
            var count = shared[candidate];
            var similarity = (double)count / (terms.Length + groups[candidate].Terms - count);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && (best < 0 || candidate < best)))
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }

        return best;
    }

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

    /// <summary>Per group, how many of the current question's terms it shares; only the groups touched are reset.</summary>
    private sealed class SharedTerms
    {
        private readonly List<int> _touched = [];
        private int[] _counts = new int[64];

        public IReadOnlyList<int> Touched => _touched;

        public int this[int group] => _counts[group];

        public void Start(int groups)
        {
            foreach (var group in _touched)
            {
                _counts[group] = 0;
            }

            _touched.Clear();
            if (_counts.Length < groups)
            {
                Array.Resize(ref _counts, Math.Max(groups, _counts.Length * 2));
            }
        }

        public void Add(int group)
        {
            if (_counts[group]++ == 0)
            {
                _touched.Add(group);
            }
        }
    }
}
