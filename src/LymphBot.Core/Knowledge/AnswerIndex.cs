using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The ranking engine: a Lucene BM25 index of each entry's questions (title and phrasings, boosted) and answer.
/// Confidence is separate from rank: the share of the question's distinctive words (weighted by IDF, synonyms
/// sharing a position) that the entry's questions or answer contain. A question about pasta that happens to
/// mention massage ranks some entry first but covers little of what was asked, so it stays below the threshold.
/// </summary>
public sealed class AnswerIndex : IDisposable
{
    private const string QuestionField = "q";
    private const string AnswerField = "a";
    private const float QuestionBoost = 3f;
    private const double AnswerOnlyCoverage = 0.6;

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly QuestionAnalyzer _analyzer;
    private readonly IReadOnlyList<KnowledgeEntry> _entries;
    private readonly HashSet<string>[] _questionTerms;
    private readonly HashSet<string>[] _answerTerms;
    private readonly Dictionary<string, double> _idf;
    private readonly double _unknownIdf;

    private AnswerIndex(KnowledgeSnapshot snapshot)
    {
        _entries = snapshot.Entries;
        _analyzer = new QuestionAnalyzer(QuestionAnalyzer.ParseSynonyms(snapshot.Synonyms));
        Corrector = new SpellingCorrector(snapshot.Entries.SelectMany(e => e.Phrasings.Append(e.Title).Append(e.Answer)).Append(snapshot.Synonyms));
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(QuestionAnalyzer.Version, _analyzer) { Similarity = new BM25Similarity() };
        _questionTerms = new HashSet<string>[_entries.Count];
        _answerTerms = new HashSet<string>[_entries.Count];
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                var document = new Document { new StoredField("n", i) };
                foreach (var question in entry.Phrasings.Prepend(entry.Title))
                {
                    document.Add(new TextField(QuestionField, question, Field.Store.NO));
                }

                document.Add(new TextField(AnswerField, entry.Answer, Field.Store.NO));
                writer.AddDocument(document);
                _questionTerms[i] = [.. entry.Phrasings.Prepend(entry.Title).SelectMany(q => _analyzer.Terms(q).Select(t => t.Term))];
                _answerTerms[i] = [.. _analyzer.Terms(entry.Answer).Select(t => t.Term)];
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var count = Math.Max(1, _entries.Count);
        _idf = _questionTerms.Zip(_answerTerms, (q, a) => q.Union(a)).SelectMany(t => t)
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Idf(count, g.Count()), StringComparer.Ordinal);
        _unknownIdf = Idf(count, 1);
    }

    public SpellingCorrector Corrector { get; }

    public static AnswerIndex Build(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new AnswerIndex(snapshot);
    }

    /// <summary>The best entries for an (already spell-corrected) question, best first.</summary>
    public IReadOnlyList<ScoredEntry> Search(string question, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(question);
        var terms = _analyzer.Terms(question);
        if (terms.Count == 0 || _entries.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var term in terms.Select(t => t.Term).Distinct(StringComparer.Ordinal))
        {
            query.Add(new TermQuery(new Term(QuestionField, term)) { Boost = QuestionBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(AnswerField, term)), Occur.SHOULD);
        }

        var positions = terms.GroupBy(t => t.Position).Select(g => g.Select(t => t.Term).ToList()).ToList();
        var hits = _searcher.Search(query, max).ScoreDocs;
        var results = new List<ScoredEntry>(hits.Length);
        foreach (var hit in hits)
        {
            var n = _searcher.Doc(hit.Doc).GetField("n").GetInt32Value()!.Value;
            results.Add(new ScoredEntry(_entries[n], hit.Score, Coverage(positions, n)));
        }

        return results;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private double Coverage(List<List<string>> positions, int entry)
    {
        double total = 0, covered = 0;
        foreach (var tokens in positions)
        {
            // Synonyms share a position: its weight is that of its most common form, so expansions never inflate it.
            var weight = tokens.Min(t => _idf.GetValueOrDefault(t, _unknownIdf));
            total += weight;
            if (tokens.Any(_questionTerms[entry].Contains))
            {
                covered += weight;
            }
            else if (tokens.Any(_answerTerms[entry].Contains))
            {
                covered += weight * AnswerOnlyCoverage;
            }
        }

        return total == 0 ? 0 : covered / total;
    }

    private static double Idf(int documents, int frequency) => Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
}
