using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Runs before retrieval: a question matching a red-flag pattern (from <c>knowledge/red-flags.md</c>) gets a fixed
/// reply sending the person to a healthcare provider, never an answer. Urgent categories win over others. Figures of
/// speech that name a red flag without meaning it ("my stomach looks six months pregnant", the <c>## not:</c>
/// sections) are erased first; nothing else is, so a real symptom named beside one is still read.
/// </summary>
public sealed class SafetyTriage
{
    // In a figure of speech, "..." stands for up to three words: "look* ... pregnant" reads "looks 6 months pregnant";
    // "#" for a number, as in the other patterns ("for # weeks" is how long, not how far along).
    private const string Gap = "...";

    private readonly List<(RedFlagRule Rule, Regex Pattern)> _rules;
    private readonly Regex? _figures;

    public SafetyTriage(IEnumerable<RedFlagRule> rules, IEnumerable<string>? figuresOfSpeech = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules
            .Where(r => r.Patterns.Count > 0)
            .OrderByDescending(r => r.Urgency)
            .Select(r => (r, PhrasePattern.Compile(r.Patterns)))];
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
        var normalized = texts.Select(PhrasePattern.Normalize).Select(t => _figures is null ? t : _figures.Replace(t, " ")).ToList();
        foreach (var (rule, pattern) in _rules)
        {
            if (normalized.Any(t => pattern.IsMatch(t)))
            {
                return rule;
            }
        }

        return null;
    }

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
