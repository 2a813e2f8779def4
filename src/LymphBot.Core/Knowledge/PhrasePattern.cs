using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The pattern language of <c>red-flags.md</c> and <c>not-covered.md</c>: case-insensitive words or phrases matched on
/// word boundaries, with <c>*</c> at the end of a word matching any ending (<c>clot*</c>).
/// </summary>
public static partial class PhrasePattern
{
    public static bool IsValid(string pattern) => ValidPattern().IsMatch(pattern);

    /// <summary>One regex matching any of the patterns; run it on <see cref="Normalize"/>d text.</summary>
    public static Regex Compile(IEnumerable<string> patterns) =>
        new(@"\b(?:" + string.Join("|", patterns.Select(ToRegex)) + ")",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));

    /// <summary>Lower case, straight apostrophes, punctuation as spaces, so "Chest-pain!!" reads "chest pain".</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return " " + Separators().Replace(text.ToLowerInvariant().Replace('’', '\''), " ") + " ";
    }

    private static string ToRegex(string pattern)
    {
        var prefix = pattern.EndsWith('*');
        var words = pattern.TrimEnd('*').Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return string.Join(@"[\s-]+", words) + (prefix ? @"\w*" : string.Empty) + @"\b";
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}' -]*\*?$")]
    private static partial Regex ValidPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}']+")]
    private static partial Regex Separators();
}
