using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// English analysis for questions and entries alike: tokenize, lower-case, expand the domain synonyms, drop
/// question filler words, stem. Synonyms run before stop words and stemming, so the synonyms file lists the
/// words people actually type.
/// </summary>
public sealed class QuestionAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet StopWords = new(Version, FillerWords.All, ignoreCase: true);

    private readonly SynonymMap? _synonyms;
    private readonly HashSet<string> _continuations;
    private readonly HashSet<string> _targets;
    private readonly Dictionary<string, HashSet<string>> _oneWayPhrases;
    private readonly QuestionAnalyzer? _plain;

    /// <param name="synonyms">The parsed synonym rules, if any.</param>
    /// <param name="rules">The rules' text: the second and later words of multi-word synonyms are found in it.</param>
    public QuestionAnalyzer(SynonymMap? synonyms, string? rules = null)
    {
        _synonyms = synonyms;
        if (synonyms is not null && rules is not null)
        {
            _plain = new QuestionAnalyzer(null);
            _continuations = Continuations(rules, _plain);
            _targets = Targets(rules, _plain);
            _oneWayPhrases = OneWayPhrases(rules, _plain);
        }
        else
        {
            _continuations = [];
            _targets = [];
            _oneWayPhrases = [];
        }
    }

    /// <summary>Parses Solr-format synonym rules; throws <see cref="FormatException"/> with the problem.</summary>
    public static SynonymMap? ParseSynonyms(string rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (string.IsNullOrWhiteSpace(rules))
        {
            return null;
        }

        using var plain = new PlainAnalyzer();
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer: plain);
        try
        {
            parser.Parse(new StringReader(rules));
            return parser.Build();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The analyzed terms of a text, with the position each came from (synonyms share a position) and the word as
    /// typed there. Numbers ("9th", "30") are dropped: they never name a subject.
    /// </summary>
    /// <param name="text">The text to analyze.</param>
    /// <param name="wordByWord">
    /// Whether each term must stand for a word typed (questions, whose words are weighed one by one); an entry's
    /// terms only need to be complete, so building the index skips the second pass.
    /// </param>
    public List<AnalyzedTerm> Terms(string text, bool wordByWord = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace('’', '\'');
        var terms = Analyze(text);
        if (_plain is null || !wordByWord)
        {
            return terms;
        }

        // A multi-word synonym ("puffy" gives "water retention") spills its later words onto the next positions,
        // where they would seem to stand for the word typed there ("eyes", or a filler word that was dropped): they
        // stand for no word of their own. The same text without synonyms says which word each position holds.
        var originals = _plain.Analyze(text).ToDictionary(t => t.Position, t => t.Term);
        return [.. terms.Where(t => !_continuations.Contains(t.Term) || (originals.TryGetValue(t.Position, out var original) && t.Term == original) || (_targets.Contains(t.Term) && StandsFor(t)))];
    }

    /// <summary>
    /// Whether a term is what the word typed at its position means on its own: "replacement" is mapped one way onto
    /// "surgery", and that "surgery" is no spill from "post surgery" although it is that phrase's second word. Only
    /// the right-hand sides of one-way rules are read this way: a two-way group's words stay as they were, so "lymph"
    /// alone is still not "lymphatic drainage". A phrase on the left of a one-way rule stands for its right-hand side
    /// too: "who performs" is mapped onto "therapist", and that "therapist" is no spill from "massage therapist".
    /// </summary>
    private bool StandsFor(AnalyzedTerm term) =>
        term.Word.Contains(' ', StringComparison.Ordinal)
            ? _oneWayPhrases.TryGetValue(Phrase(term.Word), out var targets) && targets.Contains(term.Term)
            : Analyze(term.Word).Any(t => t.Position == 0 && t.Term == term.Term);

    private static string Phrase(string typed) =>
        string.Join(' ', typed.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        if (_synonyms is not null)
        {
            stream = new SynonymFilter(stream, _synonyms, ignoreCase: true);
        }

        stream = new StopFilter(Version, stream, StopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _plain?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The analyzed forms of the second and later words of every multi-word synonym.</summary>
    private static HashSet<string> Continuations(string rules, QuestionAnalyzer plain)
    {
        // A one-way rule ("bruised => injury") has members on both sides of its arrow; the arrow is no word of either.
        var words = rules.Split('\n')
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => line.Replace("=>", ",", StringComparison.Ordinal).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(member => member.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(member => member.Length > 1)
            .SelectMany(member => member.Skip(1));
        return [.. words.SelectMany(w => plain.Analyze(w).Select(t => t.Term))];
    }

    /// <summary>The analyzed right-hand sides of the one-way rules ("bruised => injury").</summary>
    private static HashSet<string> Targets(string rules, QuestionAnalyzer plain) =>
        [.. rules.Split('\n')
            .Where(line => !line.TrimStart().StartsWith('#') && line.Contains("=>", StringComparison.Ordinal))
            .SelectMany(line => line[(line.IndexOf("=>", StringComparison.Ordinal) + 2)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .SelectMany(w => plain.Analyze(w).Select(t => t.Term))];

    /// <summary>The left-hand phrases of the one-way rules ("who performs => therapist"), each with its analyzed right-hand side.</summary>
    private static Dictionary<string, HashSet<string>> OneWayPhrases(string rules, QuestionAnalyzer plain)
    {
        var phrases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in rules.Split('\n').Where(line => !line.TrimStart().StartsWith('#') && line.Contains("=>", StringComparison.Ordinal)))
        {
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var targets = line[(arrow + 2)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(w => plain.Analyze(w).Select(t => t.Term)).ToList();
            foreach (var member in line[..arrow].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(m => m.Contains(' ', StringComparison.Ordinal)))
            {
                if (!phrases.TryGetValue(Phrase(member), out var set))
                {
                    phrases[Phrase(member)] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(targets);
            }
        }

        return phrases;
    }

    private List<AnalyzedTerm> Analyze(string text)
    {
        var terms = new List<AnalyzedTerm>();
        using var stream = GetTokenStream("q", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            var value = term.ToString();
            if (!value.Any(char.IsDigit))
            {
                var start = Math.Clamp(offset.StartOffset, 0, text.Length);
                var end = Math.Clamp(offset.EndOffset, start, text.Length);
                terms.Add(new AnalyzedTerm(value, position, start, text[start..end]));
            }
        }

        stream.End();
        return terms;
    }

    /// <summary>Tokenizes synonym rules exactly as questions are tokenized, before any filtering.</summary>
    private sealed class PlainAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, new EnglishPossessiveFilter(Version, tokenizer)));
        }
    }
}
