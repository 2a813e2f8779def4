using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Runs before retrieval: a question matching a red-flag pattern (from <c>knowledge/red-flags.md</c>) gets a fixed
/// reply sending the person to a healthcare provider, never an answer. Urgent categories win over others. Figures of
/// speech that name a red flag without meaning it ("my stomach looks six months pregnant", the <c>## not:</c>
/// sections) are erased first, and so is a symptom the asker denies ("no chest pain or anything, just puffy ankles", "not
/// short of breath"); nothing else is, so a real symptom named beside one is still read.
/// </summary>
public sealed partial class SafetyTriage
{
    // In a figure of speech, "..." stands for up to three words: "look* ... pregnant" reads "looks 6 months pregnant";
    // "#" for a number, as in the other patterns ("for # weeks" is how long, not how far along).
    private const string Gap = "...";

    private readonly List<(RedFlagRule Rule, Regex Pattern)> _rules;
    private readonly Regex? _figures;

    // The words a symptom of the patterns starts with ("chest", "fever", "short", "red", "pregnan*"): a denial erases
    // only what starts with one of them.
    private readonly HashSet<string> _symptomWords;
    private readonly List<string> _symptomPrefixes;

    public SafetyTriage(IEnumerable<RedFlagRule> rules, IEnumerable<string>? figuresOfSpeech = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules
            .Where(r => r.Patterns.Count > 0)
            .OrderByDescending(r => r.Urgency)
            .Select(r => (r, PhrasePattern.Compile(r.Patterns)))];
        var starts = rules.SelectMany(r => r.Patterns)
            .SelectMany(p => p.Split(" + ", StringSplitOptions.TrimEntries))
            .SelectMany(p => p.Split('|', StringSplitOptions.TrimEntries))
            .Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
            .Where(w => w.Length > 0 && w != "#" && !NoSymptom.Contains(w.TrimEnd('*')))
            .ToList();
        _symptomWords = new(starts.Where(w => !w.EndsWith('*')), StringComparer.OrdinalIgnoreCase);
        _symptomPrefixes = [.. starts.Where(w => w.EndsWith('*')).Select(w => w.TrimEnd('*')).Distinct(StringComparer.OrdinalIgnoreCase)];
        var figures = (figuresOfSpeech ?? []).Where(IsValidFigure).Select(FigureRegex).ToList();
        _figures = figures.Count == 0 ? null : new Regex(
            @"\b(?:" + string.Join("|", figures) + ")",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline, PhrasePattern.MatchTimeout);
    }

    /// <summary>Whether a figure-of-speech pattern is valid: a phrase pattern in which "..." may stand between words.</summary>
    public static bool IsValidFigure(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var words = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words[0] != Gap && words[^1] != Gap && !pattern.Contains('+', StringComparison.Ordinal)
            && !pattern.Contains('|', StringComparison.Ordinal) && words.Where(w => w != Gap).All(PhrasePattern.IsValid);
    }

    /// <summary>The first matching rule for any of the texts (the question as typed and as spell-corrected).</summary>
    public RedFlagRule? Match(params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var normalized = texts.Select(EraseDenied).Select(PhrasePattern.Normalize).Select(t => _figures is null ? t : _figures.Replace(t, " ")).ToList();
        foreach (var (rule, pattern) in _rules)
        {
            if (normalized.Any(t => pattern.IsMatch(t)))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// Erases a symptom the asker denies: "no", "not", "nor", "never", "zero", "without", "haven't got" or "don't have"
    /// (with "any", "a", "real" or "signs of" at most), then up to three words that start with a symptom's word, ending at a mark or at a word that carries the
    /// sentence on ("no chest pain or anything, just my ankles", "not red or hot, just puffy"). "Can not breathe" is
    /// no denial, and nor is "could it not be a clot" or "never had a clot": only a symptom right after the denial is
    /// erased, so anything less clear is still read.
    /// </summary>
    private string EraseDenied(string text)
    {
        var plain = text.Replace('’', '\'');
        return Denied().Replace(plain, m => IsDeniedSymptom(m) && !SaysItGoesBadly(plain, m) ? " " : m.Value);
    }

    /// <summary>
    /// "Not breathing well", "not breathing right": the word after the symptom's first says how it goes, so the "not"
    /// says it goes badly, a symptom rather than its denial ("no chest pain right now" is still a denial: "right"
    /// follows "pain", not "chest").
    /// </summary>
    private static bool SaysItGoesBadly(string text, Match denial)
    {
        var first = denial.Groups["first"];
        return HowItGoes().IsMatch(text.AsSpan(first.Index + first.Length));
    }

    /// <summary>
    /// What follows the denial starts with a symptom's word ("no chest pain"), or names a symptom on its own after an
    /// article ("haven't got a temperature"); a verb or a pronoun after it ("not be a clot") is no denial of one.
    /// </summary>
    private bool IsDeniedSymptom(Match denial)
    {
        var first = denial.Groups["first"].Value;
        return IsSymptomWord(first)
            || (!NoSymptom.Contains(first) && _rules.Any(r => r.Pattern.IsMatch(PhrasePattern.Normalize(denial.Groups["symptom"].Value))));
    }

    private bool IsSymptomWord(string word) =>
        _symptomWords.Contains(word) || _symptomPrefixes.Any(p => word.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    // Words a pattern may start with that name no symptom ("one leg", "only one", "a pe in", "history of pe").
    private static readonly HashSet<string> NoSymptom = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "my", "your", "his", "her", "our", "their", "i", "i'm", "im", "it", "it's", "its", "is", "are",
        "was", "be", "been", "to", "of", "in", "on", "at", "for", "with", "as", "than", "one", "only", "had", "has",
        "have", "history", "under", "below", "behind", "left", "right", "compared", "when", "can't", "cant", "cannot",
        "can", "we're", "with", "hard", "lose", "losing", "run", "struggling", "struggle", "trouble", "difficulty", "pain",
    };

    [GeneratedRegex(@"^\s+(?:well|properly|right|normally|easily|ok|okay|good|great)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowItGoes();

    [GeneratedRegex(
        @"(?<!\b(?:can|could|cannot|do|does|did)\s+)\b(?:no|not|nor|never|zero|without|(?:haven't|havent|have\s+not|hasn't|hasnt)\s+(?:got|had)|(?:don't|dont|do\s+not|doesn't|doesnt)\s+have)\s+"
        + @"(?<symptom>(?:(?:any|a|an|real|actual|obvious|signs?\s+of)\s+)?"
        + @"(?<first>[\p{L}'-]+)(?:\s+(?!(?:and|but|just|only|though|although|yet|so|my|i|i'm|im|it|it's|its|is|are|was|the)\b)[\p{L}'-]+){0,2})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    private static string FigureRegex(string pattern)
    {
        var parts = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word switch
        {
            Gap => @"(?:[\p{L}\p{N}']+[\s-]+){0,3}",
            "#" => PhrasePattern.NumberRegex + @"[\s-]*",
            _ => Regex.Escape(word.TrimEnd('*')) + (word.EndsWith('*') ? @"[\p{L}\p{N}']*" : string.Empty) + @"\b[\s-]*",
        });
        return string.Concat(parts);
    }
}
