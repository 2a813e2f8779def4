using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The ranking engine: a Lucene BM25 index of each entry's questions (title and phrasings, boosted) and answer.
/// Confidence is separate from rank: the share of the question's content words (weighted by IDF, synonyms sharing
/// a position, filler left out) that the entry's questions or answer contain. A word the base has never seen weighs
/// the most, because it usually names a subject the source does not cover ("cellulite"); words of the story around
/// a question weigh less than the words of the question itself (<see cref="QuestionFocus"/>).
/// </summary>
public sealed partial class AnswerIndex : IDisposable
{
    private const string QuestionField = "q";
    private const string AnswerField = "a";

    // Every word of the entry's questions, filler included, for ranking only: "what does lymph do" is nearer to
    // "What does lymph do?" than to "What is lymph massage?" although both cover "lymph".
    private const string WordsField = "w";

    // The forms of question an entry declares (intents.md): a question naming nothing but the therapy is answered by its form.
    private const string IntentField = "i";
    private const float QuestionBoost = 3f;
    private const float WordsBoost = 0.5f;
    private const double AnswerOnlyCoverage = 0.6;

    // "by hand or by a machine": at most this many filler words between an alternative and its "or".
    private const int MaxAlternativeGap = 3;

    // A word in more than this share of the entries (lymphatic, massage) says what every entry is about, so an
    // answer lacking it is not missing anything worth naming.
    private const double GenericShare = 0.3;

    // A word in more than half the entries (lymph drainage, help) names the therapy itself: an asking sentence with
    // nothing else ("can lymphatic drainage help with that?") asks about the story before it. A common subject of its
    // own ("will it help me relax?", in a third of the entries) is still the question's.
    private const double TherapyShare = 0.5;

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly QuestionAnalyzer _analyzer;
    private readonly WordsAnalyzer _words = new();
    private readonly IReadOnlyList<KnowledgeEntry> _entries;
    private readonly HashSet<string>[] _questionTerms;
    private readonly HashSet<string>[] _answerTerms;
    private readonly Lazy<HashSet<string>[][]> _phrasingWords;

    // For the entries that declare a form of question: each concept their questions name (a word with its synonyms).
    private readonly Dictionary<int, HashSet<string>> _formConcepts = [];

    // The form a question takes when it names nothing but the therapy and matches no form ("lymph drainage?", "so,
    // lymphatic massage. go"): the last form of intents.md some entry declares, what it is.
    private readonly string? _bareForm;
    private readonly Dictionary<string, double> _idf;
    private readonly HashSet<string> _distinct;
    private readonly double _unknownIdf;
    private readonly double _genericIdf;
    private readonly double _therapyIdf;

    // Everyday words and filler words, as typed: an everyday word ("typical") or an inflected filler word ("evenings")
    // frames the question and names no subject, so it counts for nothing in the confidence.
    private static readonly HashSet<string> Everyday = new(EverydayWords.All.Concat(FillerWords.All), StringComparer.OrdinalIgnoreCase);

    private AnswerIndex(KnowledgeSnapshot snapshot)
    {
        _entries = snapshot.Entries;
        _distinct = new(snapshot.DistinctWords, StringComparer.OrdinalIgnoreCase);
        _analyzer = new QuestionAnalyzer(QuestionAnalyzer.ParseSynonyms(snapshot.Synonyms), snapshot.Synonyms);
        Corrector = new SpellingCorrector(
            snapshot.Entries.SelectMany(e => e.Phrasings.Append(e.Title).Append(e.Answer)).Append(snapshot.Synonyms),
            snapshot.DistinctWords,
            snapshot.RedFlags.SelectMany(r => r.Patterns).Select(p => p.Replace('|', ' ').Replace('+', ' ').Replace('*', ' ')));
        _directory = new RAMDirectory();
        using var perField = new PerFieldAnalyzerWrapper(_analyzer, new Dictionary<string, Analyzer> { [WordsField] = _words });
        var config = new IndexWriterConfig(QuestionAnalyzer.Version, perField) { Similarity = new BM25Similarity() };
        _questionTerms = new HashSet<string>[_entries.Count];
        _answerTerms = new HashSet<string>[_entries.Count];

        // Only questions made of filler words need these: built on the first such question, not on the way to ready.
        _phrasingWords = new(() => [.. _entries.Select(e => e.Phrasings.Prepend(e.Title).Select(q => _words.Stems(q).ToHashSet(StringComparer.Ordinal)).ToArray())]);
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                var document = new Document { new StoredField("n", i) };
                foreach (var question in entry.Phrasings.Prepend(entry.Title))
                {
                    document.Add(new TextField(QuestionField, question, Field.Store.NO));
                    document.Add(new TextField(WordsField, question, Field.Store.NO));
                }

                document.Add(new TextField(AnswerField, entry.Answer, Field.Store.NO));
                foreach (var intent in entry.Intents)
                {
                    document.Add(new StringField(IntentField, intent, Field.Store.NO));
                }

                writer.AddDocument(document);
                _questionTerms[i] = [.. entry.Phrasings.Prepend(entry.Title).SelectMany(q => _analyzer.Terms(q, wordByWord: false).Select(t => t.Term)), .. entry.Intents.Select(IntentTerm)];
                _answerTerms[i] = [.. _analyzer.Terms(entry.Answer, wordByWord: false).Select(t => t.Term)];
                if (entry.Intents.Count > 0)
                {
                    _formConcepts[i] = [.. entry.Phrasings.Prepend(entry.Title).SelectMany(q => Words(_analyzer.Terms(q)).Select(Concept))];
                }
            }

            writer.Commit();
        }

        var declared = _entries.SelectMany(e => e.Intents).ToHashSet(StringComparer.Ordinal);
        _bareForm = snapshot.Intents.LastOrDefault(i => declared.Contains(i.Name))?.Name;
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var count = Math.Max(1, _entries.Count);
        _idf = _questionTerms.Zip(_answerTerms, (q, a) => q.Union(a)).SelectMany(t => t)
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Idf(count, g.Count()), StringComparer.Ordinal);
        _unknownIdf = Idf(count, 0);
        _genericIdf = Idf(count, (int)Math.Ceiling(count * GenericShare));
        _therapyIdf = Idf(count, (int)Math.Ceiling(count * TherapyShare));
    }

    public SpellingCorrector Corrector { get; }

    public static AnswerIndex Build(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new AnswerIndex(snapshot);
    }

    /// <summary>The best entries for an (already spell-corrected) question, best first, and the words no entry knows.</summary>
    /// <param name="question">The question, spell-corrected.</param>
    /// <param name="intent">
    /// The form of the question (<see cref="QuestionIntents"/>), if any. It counts only when the question names
    /// nothing but the therapy ("what is hands-on lymph drainage used for"): then the form is its whole subject, and
    /// the entries declaring it cover it. A question with a subject of its own is answered by its subject.
    /// </param>
    /// <param name="max">How many hits to return.</param>
    public SearchResult Search(string question, string? intent = null, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (_entries.Count == 0)
        {
            return SearchResult.Empty;
        }

        // "…my friend keeps raving about it. What is lymph drainage exactly?": asking what the therapy is, by its name,
        // asks about the therapy whatever the story around it says, so the story is context. An "it" of the story ("what
        // is lymph drainage?? my cousin keeps raving about it") stands for nothing in the question.
        var bare = ItWord().IsMatch(QuestionFocus.Asking(question)) || AsksAClaim(question) || YesNoQuestion().IsMatch(QuestionFocus.Asking(question)) ? null : _bareForm;
        var defining = _bareForm is not null && (intent ?? bare) == _bareForm;
        var groups = Groups(question, defining);
        if (groups.Count == 0 && _analyzer.Terms(question).Any(t => !_idf.ContainsKey(t.Term)))
        {
            // Everyday words the base never uses ("what is the weather") frame no subject of ours: not a near wording.
            return SearchResult.Empty;
        }

        // Without a form of its own, a question that names the therapy and nothing else asks what it is: whichever entry
        // BM25 ranks first on its stray words ("anything on lymph massage") would otherwise answer it in full. Not when
        // "it" already stands for the therapy: then its words say what is asked of it ("is it a hands-on therapy"); nor
        // when it asks whether the therapy helps or works ("would a lymphatic massage help?"): with what, the story says;
        // nor a yes-or-no question ("is lymphatic drainage ok for me?"), which asks something of the therapy.
        // The story around a question, when it is only context, names no subject of the question's.
        intent ??= groups.Count > 0 ? bare : null;
        if (intent is not null && NamesOnlyTheTherapy([.. groups.Where(g => g.Focus >= 1)], intent))
        {
            groups.Add(new TermGroup([IntentTerm(intent)], _unknownIdf, 1, intent, Known: true) { Form = true });
        }

        if (groups.Count == 0)
        {
            return WordingOnly(question, max);
        }

        var query = new BooleanQuery();
        foreach (var form in groups.Where(g => g.Form))
        {
            query.Add(new TermQuery(new Term(IntentField, form.Word)) { Boost = QuestionBoost }, Occur.SHOULD);
        }

        foreach (var (term, focus) in groups.Where(g => !g.Form).SelectMany(g => g.Terms.Select(t => (t, g.Focus))).GroupBy(t => t.t, StringComparer.Ordinal).Select(g => (g.Key, g.Max(t => t.Focus))))
        {
            query.Add(new TermQuery(new Term(QuestionField, term)) { Boost = QuestionBoost * (float)focus }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(AnswerField, term)) { Boost = (float)focus }, Occur.SHOULD);
        }

        foreach (var word in _words.Stems(question).Distinct(StringComparer.Ordinal))
        {
            query.Add(new TermQuery(new Term(WordsField, word)) { Boost = WordsBoost }, Occur.SHOULD);
        }

        var hits = _searcher.Search(query, max).ScoreDocs;
        var results = new List<ScoredEntry>(hits.Length);
        var askingAlone = !QuestionFocus.PointsBack(question);
        foreach (var hit in hits)
        {
            var n = _searcher.Doc(hit.Doc).GetField("n").GetInt32Value()!.Value;
            results.Add(Score(groups, n, hit.Score, askingAlone));
        }

        var unknown = groups.Where(g => !g.Known && !g.Circumstance && g.Focus >= 1).Select(g => g.Word).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new SearchResult(results, unknown) { UnknownSubjects = UnknownSubjects(groups) };
    }

    /// <summary>
    /// Whether the question says nothing but what an entry declaring the form already asks in its own questions, in
    /// words every entry shares ("lymph drainage", "help"): "what is hands-on lymph drainage used for" does, "what
    /// does lymph do in the body" (lymph itself, not the therapy) and "what is your take on it for general health" do
    /// not, so their words still decide.
    /// </summary>
    private bool NamesOnlyTheTherapy(List<TermGroup> groups, string intent)
    {
        var term = IntentTerm(intent);
        return groups.All(g => g.Idf <= _genericIdf)
            && _formConcepts.Any(e => _questionTerms[e.Key].Contains(term)
                && groups.All(g => QuestionFocus.IsLightWord(g.Word) || e.Value.Contains(Concept(g.Terms)) || (IsPhrase(g.Word) && e.Value.Any(c => g.Terms.All(c.Split(' ').Contains)))));
    }

    /// <summary>Whether the asking part of a message asks if a claim holds ("would it help?", "does MLD work?").</summary>
    private static bool AsksAClaim(string question) =>
        WordCount().Matches(QuestionFocus.Asking(question)).Any(m => QuestionFocus.IsClaimWord(m.Value));

    /// <summary>A phrase mapped one way onto a concept's word ("hands-on lymph drainage" => "mld") names that concept, though it carries fewer of its synonyms.</summary>
    private static bool IsPhrase(string typed) => typed.Contains(' ', StringComparison.Ordinal) || typed.Contains('-', StringComparison.Ordinal);

    /// <summary>A word's concept: its terms with their synonyms, so "lymph" alone is not "lymph drainage".</summary>
    private static string Concept(IEnumerable<string> terms) => string.Join(' ', terms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string Concept(List<AnalyzedTerm> word) => Concept(word.Select(t => t.Term));

    /// <summary>
    /// A question of filler words only ("what good does it do?", "what can you do?") has no subject to cover: it is
    /// as close to an entry as its wording is to the nearest phrasing (the square of their word overlap, so only a
    /// near-identical wording reaches the threshold).
    /// </summary>
    private SearchResult WordingOnly(string question, int max)
    {
        var words = _words.Stems(question).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return SearchResult.Empty;
        }

        var hits = new List<ScoredEntry>();
        for (var i = 0; i < _entries.Count; i++)
        {
            var overlap = _phrasingWords.Value[i].Max(p => (double)p.Intersect(words).Count() / p.Union(words).Count());
            if (overlap > 0)
            {
                hits.Add(new ScoredEntry(_entries[i], (float)overlap, overlap * overlap));
            }
        }

        return new SearchResult([.. hits.OrderByDescending(h => h.Score).Take(max)], []);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _words.Dispose();
    }

    /// <summary>The question's content words: one group per position (synonyms together), weighted by IDF and focus.</summary>
    /// <param name="question">The question, spell-corrected and read plainly.</param>
    /// <param name="defining">Whether it takes the form of a definition ("what is …", or no form at all).</param>
    private List<TermGroup> Groups(string question, bool defining = false)
    {
        var sentences = QuestionFocus.Split(question)
            .Select(s => (Terms: _analyzer.Terms(s.Text), s.Asks, s.Text))
            .ToList();

        // When the asking sentences name nothing of their own ("Does this actually work?", "Can lymphatic drainage help
        // with that?"), the story around them is the subject; so it is when they name only an effect ("will MLD give me
        // any relief?": relief of what the story tells).
        // Asking what "it" is after a story that names the therapy ("my aunt books lymph drainage appointments every week.
        // what is it exactly??") asks what the therapy is, like asking by its name: "it" is the therapy the story is about,
        // not the appointments or whatever else the story tells. "What is that?" points at the last thing said instead.
        var focused = sentences.Any(s => s.Asks && s.Terms.Any(t => !QuestionFocus.IsClaimWord(t.Word) && !QuestionFocus.IsEffectWord(t.Word) && !IsEveryday(t.Word) && _idf.GetValueOrDefault(t.Term, _unknownIdf) > _therapyIdf))
            || (defining && sentences.Any(s => (s.Asks || sentences.Any(a => a.Asks && ItAlone().IsMatch(a.Text))) && s.Terms.Any(t => !QuestionFocus.IsLightWord(t.Word) && _idf.TryGetValue(t.Term, out var idf) && idf <= _therapyIdf))
                && sentences.Where(s => s.Asks).All(s => s.Terms.All(t => IsEveryday(t.Word) || _idf.GetValueOrDefault(t.Term, _unknownIdf) <= _therapyIdf)));
        var groups = new List<TermGroup>();
        foreach (var (terms, asks, text) in sentences)
        {
            var focus = !focused || asks ? 1.0 : QuestionFocus.ContextWeight;
            var first = groups.Count;
            foreach (var word in Words(terms))
            {
                var forms = word.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
                var known = forms.Where(_idf.ContainsKey).ToList();
                // A synonym group ("leg day", "at home") is a subject of the base, whatever its first word.
                if (forms.Count == 1 && IsEveryday(word.MinBy(t => t.End)!.Word))
                {
                    continue;
                }

                // A word and its synonyms weigh as the most common of them, so expansions never inflate it. A word that
                // only asks whether a claim holds ("fixes", "works") names no subject, even one the base never uses.
                var typed = word.MinBy(t => t.End)!.Word;
                var claim = known.Count == 0 && QuestionFocus.IsClaimWord(typed);
                var idf = (claim ? _genericIdf : known.Count == 0 ? _unknownIdf : known.Min(t => _idf[t])) * (QuestionFocus.IsLightWord(typed) ? QuestionFocus.ClaimWeight : 1);
                groups.Add(new TermGroup(forms, idf, focus, typed, known.Count > 0) { Start = word.Min(t => t.Start), End = word.Max(t => t.End), Asked = asks, Circumstance = claim });
            }

            Alternatives(text, groups, first);
            Lists(text, groups, first);
            WeighUnknownListItems(groups, first);
            if (!focused && !asks)
            {
                WeighCircumstances(text, groups, first);
            }
        }

        // However long the story, it never outweighs ContextWeight times the question itself.
        var asked = groups.Where(g => g.Focus >= 1).Sum(g => g.Idf);
        var story = groups.Where(g => g.Focus < 1).Sum(g => g.Idf * g.Focus);
        if (story > asked * QuestionFocus.ContextWeight)
        {
            var scale = asked * QuestionFocus.ContextWeight / story;
            groups = [.. groups.Select(g => g.Focus < 1 ? g with { Focus = g.Focus * scale } : g)];
        }

        return Once(groups);
    }

    /// <summary>
    /// A concept named twice ("drain my own lymph nodes at home": doing it oneself, twice; "swollen, puffy ankles") is
    /// one part of the question: namings that share a term with a heavier one (a word of the question before a word of
    /// the story) weigh nothing, so a repeated concept cannot outweigh a subject named once. They keep their place, for
    /// telling alternatives and lists apart.
    /// </summary>
    private static List<TermGroup> Once(List<TermGroup> groups)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in Enumerable.Range(0, groups.Count).Where(i => groups[i] is { Known: true, Form: false }).OrderByDescending(i => groups[i].Idf * groups[i].Focus).ThenBy(i => i).ToList())
        {
            var group = groups[i];
            if (group.Terms.Any(seen.Contains))
            {
                groups[i] = group with { Idf = 0 };
            }

            seen.UnionWith(group.Terms);
        }

        return groups;
    }

    /// <summary>
    /// Marks "X or Y" in a sentence: the content words next to an "or" (a few filler words apart: "by hand or by a
    /// machine") are alternatives, and the question is answered when one of them is. An alternative the source never
    /// names then no longer sinks the one it does; the answer still says which part it leaves out.
    /// </summary>
    private static void Alternatives(string text, List<TermGroup> groups, int first)
    {
        foreach (var (before, after) in Joined(OrWord(), text, groups, first))
        {
            var set = groups[before].Alternative ?? before;
            groups[before] = groups[before] with { Alternative = set };
            groups[after] = groups[after] with { Alternative = set };
        }
    }

    /// <summary>
    /// Marks the items of a list ("anxiety and depression", "conditions like fibromyalgia", "stress, sleep"): each is
    /// one part of the question, all of them still to be covered, so a word the base never saw is then one part
    /// among others rather than the subject of the whole question.
    /// </summary>
    private static void Lists(string text, List<TermGroup> groups, int first)
    {
        foreach (var (before, after) in Joined(ListWord(), text, groups, first))
        {
            var set = groups[before].List ?? before;
            groups[before] = groups[before] with { List = set };
            groups[after] = groups[after] with { List = set };
        }

        // "conditions like fibromyalgia", "sports such as tennis": the category only frames its examples, which are
        // what is asked about, so it weighs as little as a word weighing a claim.
        foreach (var (before, after) in Joined(ExampleWord(), text, groups, first))
        {
            var set = groups[before].List ?? before;
            groups[before] = groups[before] with { List = set, Idf = groups[before].Idf * QuestionFocus.ClaimWeight };
            groups[after] = groups[after] with { List = set };
        }
    }

    /// <summary>A word the base knows that names a subject, not the therapy every entry is about ("swedish massage and lymphatic massage").</summary>
    private bool IsKnownSubject(TermGroup group) => group.Known && group.Idf > _genericIdf;

    /// <summary>
    /// An unknown word weighs the most because it usually names the subject; as one item of a list whose other items
    /// the base knows ("anxiety and depression") it is one part of the question, and weighs as much as the heaviest of them.
    /// </summary>
    private void WeighUnknownListItems(List<TermGroup> groups, int first)
    {
        for (var i = first; i < groups.Count; i++)
        {
            if (groups[i] is { Known: false, List: { } list } unknown)
            {
                var siblings = groups.Skip(first).Where(g => g.List == list && IsKnownSubject(g)).ToList();
                if (siblings.Count > 0)
                {
                    groups[i] = unknown with { Idf = Math.Min(unknown.Idf, siblings.Max(g => g.Idf)) };
                }
            }
        }
    }

    /// <summary>
    /// In a story whose question only points back at it ("… Is that actually part of it?", "… Would that help?"), a
    /// sentence that names a subject of ours ("I lie awake scrolling my phone", "my physio did stationary circles at my
    /// rehab appointment") tells that subject's circumstances: its words the base never saw weigh as story words
    /// (<see cref="QuestionFocus.ContextWeight"/>), not as the subject of the question. The answer still names them as
    /// left out, so it never opens with "Yes". A sentence that names no subject of ours ("I have lipedema", "I read it
    /// clears up acne": an effect such as "clears" or "reduce" is no subject) has only its unknown words for a subject,
    /// and they keep their weight. So do an item of a list ("I have fibromyalgia and my legs ache", one part of the
    /// question: <see cref="WeighUnknownListItems"/>), a real look-alike of ours (<c>distinct-words.txt</c>), and an
    /// unknown word right beside the subject, at most <see cref="MaxAlternativeGap"/> - 1 words away: it is what the
    /// subject is said of ("my stomach is puffed", "puffy eyelids", "my face gets puffy"), which the source may not cover.
    /// </summary>
    private void WeighCircumstances(string text, List<TermGroup> groups, int first)
    {
        var sentence = groups.Skip(first).ToList();
        var subjects = sentence.Where(g => g.Known && g.Idf > _therapyIdf && !QuestionFocus.IsLightWord(g.Word) && !QuestionFocus.IsEffectWord(g.Word)).ToList();
        if (subjects.Count == 0)
        {
            return;
        }

        for (var i = first; i < groups.Count; i++)
        {
            if (groups[i] is { Known: false, List: null } unknown && !_distinct.Contains(unknown.Word) && !subjects.Any(g => Beside(text, g, unknown)))
            {
                groups[i] = unknown with { Idf = unknown.Idf * QuestionFocus.ContextWeight };
            }
        }
    }

    /// <summary>Whether two words of a sentence stand at most two words apart (numbers such as "3am" not counted).</summary>
    private static bool Beside(string text, TermGroup a, TermGroup b)
    {
        var (from, to) = a.End <= b.Start ? (a.End, b.Start) : (b.End, a.Start);
        return from <= to && WordCount().Matches(text[from..to]).Count(m => !m.Value.Any(char.IsDigit)) < MaxAlternativeGap;
    }

    /// <summary>The pairs of content words a joining word stands between, a few filler words apart at most.</summary>
    private static IEnumerable<(int Before, int After)> Joined(Regex joiner, string text, List<TermGroup> groups, int first)
    {
        foreach (Match join in joiner.Matches(text))
        {
            var before = groups.FindLastIndex(groups.Count - 1, groups.Count - first, g => g.End <= join.Index);
            var after = groups.FindIndex(first, g => g.Start >= join.Index + join.Length);
            if (before >= 0 && after >= 0
                && WordCount().Count(text[groups[before].End..join.Index]) <= MaxAlternativeGap
                && WordCount().Count(text[(join.Index + join.Length)..groups[after].Start]) <= MaxAlternativeGap)
            {
                yield return (before, after);
            }
        }
    }

    /// <summary>
    /// The words no entry contains that the question itself asks about, each a subject on its own: not a word of the
    /// story around the question ("twisted my ankle on the stairs, can mld help?"), and not one item of a list whose
    /// other items the base knows ("anxiety and depression").
    /// </summary>
    private List<string> UnknownSubjects(List<TermGroup> groups) =>
        [.. groups.Where(g => !g.Known && !g.Circumstance && g.Focus >= 1 && g.Asked && (g.List is not { } list || !groups.Any(o => o.List == list && IsKnownSubject(o))))
            .Select(g => g.Word).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Whether a word as typed is an everyday word, a plural or possessive of one ("a good night's sleep") or of a filler
    /// word, a form of a filler or everyday verb ("finding", "asked", "raving"), or chat shorthand of one letter.
    /// </summary>
    private static bool IsEveryday(string typed) =>
        typed.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || typed.EndsWith("’s", StringComparison.OrdinalIgnoreCase) ? IsEveryday(typed[..^2]) :
        typed.Length <= 1 || Everyday.Contains(typed) || (typed.Length > 2 && typed.EndsWith('s') && Everyday.Contains(typed[..^1])) || IsFormOfFiller(typed);

    private static bool IsFormOfFiller(string typed)
    {
        var stem = typed.EndsWith("ing", StringComparison.OrdinalIgnoreCase) ? typed[..^3]
            : typed.EndsWith("ed", StringComparison.OrdinalIgnoreCase) ? typed[..^2]
            : null;
        return stem is { Length: > 2 } && (Everyday.Contains(stem) || Everyday.Contains(stem + "e"));
    }

    /// <summary>
    /// The terms of each word typed, with its synonyms; a word inside a phrase that matched a synonym ("buildup" in
    /// "fluid buildup") belongs to the phrase.
    /// </summary>
    private static IEnumerable<List<AnalyzedTerm>> Words(List<AnalyzedTerm> terms)
    {
        List<AnalyzedTerm>? current = null;
        var end = -1;
        foreach (var word in terms.GroupBy(t => t.Start).OrderBy(g => g.Key))
        {
            if (current is not null && word.Key < end)
            {
                current.AddRange(word);
                end = Math.Max(end, word.Max(t => t.End));
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = [.. word];
            end = word.Max(t => t.End);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>
    /// The share of the question an entry covers. When a story surrounds the question, the asking sentences alone are
    /// scored too and the better share counts: the story can add evidence (a subject it names that the entry covers)
    /// but never dilute a question whose asking part the entry covers in full. Its words still rank the entries. Not
    /// when the asking part points back at the story ("what does that mean?"): then the story is its subject.
    /// </summary>
    private ScoredEntry Score(List<TermGroup> groups, int entry, float score, bool askingAlone)
    {
        var whole = Coverage(groups, entry);
        if (askingAlone && groups.Any(g => g.Focus < 1) && groups.Where(g => g.Focus >= 1).ToList() is { Count: > 0 } asked)
        {
            var asking = Coverage(asked, entry);
            if (asking.Confidence > whole.Confidence)
            {
                return asking with { Score = score };
            }
        }

        return whole with { Score = score };
    }

    private ScoredEntry Coverage(List<TermGroup> groups, int entry)
    {
        double total = 0, covered = 0;
        var missing = new List<string>();

        // Of alternatives, the best covered one stands for them all (the heaviest when none is covered): one the source
        // never names does not sink the one it does.
        foreach (var set in groups.Select((g, i) => (g, i)).GroupBy(x => x.g.Alternative ?? x.i, x => x.g))
        {
            var chosen = set.MaxBy(g => (Coverage(g, entry), g.Idf * g.Focus))!;
            total += chosen.Idf * chosen.Focus;
            covered += chosen.Idf * chosen.Focus * Coverage(chosen, entry);
            foreach (var group in set.Where(g => Coverage(g, entry) == 0))
            {
                if (!group.Form && !group.Circumstance && group.Focus >= 1 && group.Idf > _genericIdf && !missing.Contains(group.Word, StringComparer.OrdinalIgnoreCase))
                {
                    missing.Add(group.Word);
                }
            }
        }

        return new ScoredEntry(_entries[entry], 0, total == 0 ? 0 : covered / total) { Missing = missing };
    }

    /// <summary>How fully an entry covers a word: in its questions (1), only in its answer (0.6), or not at all.</summary>
    private double Coverage(TermGroup group, int entry) =>
        group.Terms.Any(_questionTerms[entry].Contains) ? 1 : group.Terms.Any(_answerTerms[entry].Contains) ? AnswerOnlyCoverage : 0;

    private static string IntentTerm(string intent) => "intent:" + intent;

    private static double Idf(int documents, int frequency) => Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));

    /// <summary>Lower-cased, stemmed words, nothing dropped and no synonyms: how close the wording is.</summary>
    private sealed class WordsAnalyzer : Analyzer
    {
        public List<string> Stems(string text)
        {
            var stems = new List<string>();
            using var stream = GetTokenStream(WordsField, text.Replace('’', '\''));
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                stems.Add(term.ToString());
            }

            stream.End();
            return stems;
        }

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(QuestionAnalyzer.Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(QuestionAnalyzer.Version, tokenizer);
            stream = new LowerCaseFilter(QuestionAnalyzer.Version, stream);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(stream));
        }
    }

    [GeneratedRegex(@"(?:^|[,.;:!?])\W*(?:(?:so|ok|okay|and|but|well|honestly|hi|hey)\W+)*(?:is|isn't|are|am|can|could|should|would|will|does|do|did|may|might|has|have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YesNoQuestion();

    [GeneratedRegex(@"\b(?:it|it's|its|this|that)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItWord();

    [GeneratedRegex(@"\b(?:it|it's|its)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItAlone();

    [GeneratedRegex(@"\bor\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrWord();

    [GeneratedRegex(@"\band\b|&|,|/|\bplus\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListWord();

    [GeneratedRegex(@"\blike\b|\bsuch as\b|\bincluding\b|\bespecially\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleWord();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordCount();

    private sealed record TermGroup(List<string> Terms, double Idf, double Focus, string Word, bool Known)
    {
        /// <summary>The question's form standing for its subject (<see cref="IntentField"/>), not a word typed.</summary>
        public bool Form { get; init; }

        /// <summary>Where the word is in its sentence, for telling "X or Y" apart.</summary>
        public int Start { get; init; }

        public int End { get; init; }

        /// <summary>The set of alternatives ("X or Y") the word belongs to, if any.</summary>
        public int? Alternative { get; init; }

        /// <summary>Whether the word's sentence asks, rather than telling the story around the question.</summary>
        public bool Asked { get; init; } = true;

        /// <summary>The list ("X and Y", "X like Y") the word is an item of, if any.</summary>
        public int? List { get; init; }

        /// <summary>An unknown word that names no subject: the circumstances of a subject of ours in the story, or a claim word.</summary>
        public bool Circumstance { get; init; }
    }
}
