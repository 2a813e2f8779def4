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

    /// <summary>
    /// Lucene's English stop words plus what carries no topic in a chat question: question words, pronouns, common
    /// verbs and quantities, and body parts (no entry is about a body part; red flags are matched before this).
    /// </summary>
    internal static readonly string[] FillerWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "what", "whats", "which", "who", "how", "why", "when", "where", "does", "do", "did", "doing", "done", "can", "could",
        "would", "should", "shall", "may", "might", "must", "i", "im", "ive", "me", "my", "you", "your", "we", "our", "us",
        "its", "am", "been", "being", "have", "has", "had", "get", "gets", "getting", "got", "tell", "know", "want", "please",
        "any", "some", "about", "just", "really", "also", "very", "much", "so", "than", "too", "ok", "okay", "hi", "hello",
        "hey", "thanks", "thank", "here", "from", "up", "out", "all", "anything", "something", "someone", "somebody",
        "anyone", "thing", "things", "ever", "one", "s", "t", "don", "doesn", "isn", "try", "use", "using",
        "make", "like", "say", "said", "lot", "lots", "bit", "little", "put", "find", "go", "going", "come", "look",
        "people", "person", "only", "after", "before", "again", "still", "even", "well", "kind", "sort", "way", "actually",
        "maybe", "probably", "generally", "lately", "recently", "today", "really", "im", "since", "while", "being", "worth",
        "body", "leg", "legs", "arm", "arms", "ankle", "ankles", "foot", "feet", "hand", "hands", "knee", "knees", "calf",
        "calves", "neck", "face", "hip", "hips", "thigh", "thighs", "shoulder", "shoulders", "skin", "belly", "stomach",
    ];

    private static readonly CharArraySet StopWords = new(Version, FillerWords, ignoreCase: true);

    private readonly SynonymMap? _synonyms;

    public QuestionAnalyzer(SynonymMap? synonyms)
    {
        _synonyms = synonyms;
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

    /// <summary>The analyzed terms of a text, with the position each came from (synonyms share a position).</summary>
    public List<(string Term, int Position)> Terms(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = GetTokenStream("q", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }

        stream.End();
        return terms;
    }

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
