using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The pattern language of <c>red-flags.md</c> and <c>not-covered.md</c>: case-insensitive words or phrases matched on
/// word boundaries, with <c>*</c> at the end of a word matching any ending (<c>clot*</c>). A combination joins parts
/// with <c> + </c>, each part a phrase or alternatives separated by <c>|</c>: it matches when every part occurs
/// somewhere in the question, in any order (<c>red|redness + hot|warm + swollen|swell*</c>), so symptoms that only
/// mean something together are read together. A <c>#</c> word stands for a number or a range of numbers, written
/// apart from the next word or not: <c># weeks</c> reads "34 weeks", "2-3 weeks" and "30wks" alike with <c># wks</c>.
/// </summary>
public static partial class PhrasePattern
{
    /// <summary>What a valid pattern may contain, for problem reports.</summary>
    public const string Rules = "may use letters, digits, spaces, apostrophes, hyphens, '#' as a word for a number and a final '*'; '|' separates alternatives and ' + ' parts that must all occur";

    /// <summary>What a <c>#</c> word matches: a number, or a range of two ("2-3", "2 to 3" reads as two numbers apart).</summary>
    public const string NumberRegex = @"\d+(?:[\s-]+\d+)?";

    public static bool IsValid(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = Parts(pattern);
        return parts.Count > 0 && parts.All(p => p.Count > 0 && p.All(ValidPattern().IsMatch));
    }

    /// <summary>One regex matching any of the patterns; run it on <see cref="Normalize"/>d text.</summary>
    public static Regex Compile(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var simple = new List<string>();
        var combinations = new List<string>();
        foreach (var parts in patterns.Select(Parts))
        {
            if (parts.Count == 1)
            {
                simple.AddRange(parts[0].Select(ToRegex));
            }
            else
            {
                // Every part as a lookahead from the start: all must occur, in any order.
                combinations.Add("^" + string.Concat(parts.Select(p => @"(?=.*?\b(?:" + string.Join("|", p.Select(ToRegex)) + "))")));
            }
        }

        var branches = new List<string>();
        if (simple.Count > 0)
        {
            branches.Add(@"\b(?:" + string.Join("|", simple) + ")");
        }

        branches.AddRange(combinations);
        return new(branches.Count == 0 ? "(?!)" : string.Join("|", branches),
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline, MatchTimeout);
    }

    /// <summary>
    /// A guard against a pattern that backtracks without end, not a deadline: a match over a question (at most
    /// InputText.MaxLength characters) takes microseconds, but a thread preempted on a busy machine can take tens of
    /// milliseconds of wall-clock time, and 50 ms here threw under load, losing the answer (and the safety check).
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Lower case, straight apostrophes, punctuation as spaces, so "Chest-pain!!" reads "chest pain".</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return " " + Separators().Replace(text.ToLowerInvariant().Replace('’', '\''), " ") + " ";
    }

    private static List<List<string>> Parts(string pattern) =>
        [.. pattern.Split(" + ", StringSplitOptions.TrimEntries)
            .Select(p => p.Split('|', StringSplitOptions.TrimEntries).ToList())];

    private static string ToRegex(string pattern)
    {
        var prefix = pattern.EndsWith('*');
        var words = pattern.TrimEnd('*').Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var regex = new System.Text.StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            // A number runs into its unit as often as not ("30wks"), so after one the space is optional.
            regex.Append(i == 0 ? string.Empty : words[i - 1] == "#" ? @"[\s-]*" : @"[\s-]+");
            regex.Append(words[i] == "#" ? NumberRegex : Regex.Escape(words[i]));
        }

        return regex + (prefix ? @"\w*" : string.Empty) + @"\b";
    }

    [GeneratedRegex(@"^(?:#|[\p{L}\p{N}][\p{L}\p{N}'-]*)(?: (?:#|[\p{L}\p{N}][\p{L}\p{N}'-]*))*\*?$")]
    private static partial Regex ValidPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}']+")]
    private static partial Regex Separators();
}
