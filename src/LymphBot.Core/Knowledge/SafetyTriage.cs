using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Runs before retrieval: a question matching a red-flag pattern (from <c>knowledge/red-flags.md</c>) gets a fixed
/// reply sending the person to a healthcare provider, never an answer. Urgent categories win over others.
/// </summary>
public sealed class SafetyTriage
{
    private readonly List<(RedFlagRule Rule, Regex Pattern)> _rules;

    public SafetyTriage(IEnumerable<RedFlagRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules
            .Where(r => r.Patterns.Count > 0)
            .OrderByDescending(r => r.Urgency)
            .Select(r => (r, PhrasePattern.Compile(r.Patterns)))];
    }

    /// <summary>The first matching rule for any of the texts (the question as typed and as spell-corrected).</summary>
    public RedFlagRule? Match(params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var normalized = texts.Select(PhrasePattern.Normalize).ToList();
        foreach (var (rule, pattern) in _rules)
        {
            if (normalized.Any(t => pattern.IsMatch(t)))
            {
                return rule;
            }
        }

        return null;
    }
}
