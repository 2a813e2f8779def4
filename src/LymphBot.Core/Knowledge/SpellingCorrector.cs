using System.Text;
using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Typo tolerance: a word the knowledge base has never seen is replaced by the closest word it knows, within one
/// edit for words of five to eight letters and two for longer ones (Damerau–Levenshtein; shorter words are left
/// alone: too many near neighbours). Words are also compared by how they sound in this domain ("ph" as "f", "y" as
/// "i", doubled letters as one), so "limfatic" and "lymphattic" find "lymphatic" even beyond the edit limit. Words
/// that merely look like ours (lipedema is not lymphedema) and common English words (<see cref="CommonWords"/>:
/// "spots" is not "sports") are never changed, and a correction keeps the first letter. Ties go to the more
/// frequent word.
/// </summary>
public sealed partial class SpellingCorrector
{
    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<int, List<string>> _byLength;
    private readonly Dictionary<string, string> _bySound;
    private readonly HashSet<string> _distinct;

    // Pairs of words that stand together in the base's texts ("lymphatic massage"): a common word typed where a
    // knowledge word would make such a pair ("lymphatic message") is a typo after all.
    private readonly HashSet<(string, string)> _pairs = [];

    // Filler words with two neighbouring letters swapped ("wiht", "taht", "abuot"): the commonest slip of fast typing,
    // and an unknown word one swap from "with" is "with", however short. Unknown left alone, it would weigh as a subject.
    private readonly Dictionary<string, string> _swappedFiller = new(StringComparer.Ordinal);

    /// <param name="texts">The base's own texts: the words to correct towards.</param>
    /// <param name="distinctWords">Real words that look like ours but mean something else: never corrected.</param>
    /// <param name="knownWords">Words to leave alone without correcting anything towards them (the red flags: "bloating" must not become "clotting").</param>
    public SpellingCorrector(IEnumerable<string> texts, IEnumerable<string>? distinctWords = null, IEnumerable<string>? knownWords = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in texts.Select(t => Words(t).ToList()))
        {
            for (var i = 0; i < words.Count; i++)
            {
                _frequency[words[i]] = _frequency.GetValueOrDefault(words[i]) + 1;
                if (i > 0)
                {
                    _pairs.Add((words[i - 1], words[i]));
                }
            }
        }

        _bySound = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, count) in _frequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (word.Length >= 4 && !word.Any(char.IsDigit))
            {
                _bySound.TryAdd(Sound(word), word);
            }
        }

        _distinct = new HashSet<string>((distinctWords ?? []).SelectMany(Words), StringComparer.Ordinal);
        foreach (var filler in Filler.Where(f => f.Length >= 4 && f.All(char.IsLetter)))
        {
            for (var i = 0; i + 1 < filler.Length; i++)
            {
                if (filler[i] != filler[i + 1])
                {
                    _swappedFiller.TryAdd(string.Concat(filler.AsSpan(0, i), filler.AsSpan(i + 1, 1), filler.AsSpan(i, 1), filler.AsSpan(i + 2)), filler);
                }
            }
        }

        // Only the base's own words are worth correcting towards: a word turned into filler ("world" into "would")
        // loses its meaning and gains nothing.
        _byLength = _frequency.Keys.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var known in FillerWords.All.Concat(EverydayWords.All).SelectMany(Words).Concat(_distinct).Concat((knownWords ?? []).SelectMany(Words)))
        {
            _frequency.TryAdd(known, 1);
        }
    }

    /// <summary>Returns the text with unknown words corrected; punctuation, known words and short words stay as they were.</summary>
    public string Correct(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var changed = false;
        var words = WordPattern().Matches(text).Select(m => QuestionText.Normalize(m.Value, int.MaxValue)).ToList();
        var index = 0;
        var result = WordPattern().Replace(text, match =>
        {
            var at = index++;
            var word = words[at];
            var corrected = OpensSentence(text, match.Index) ? CorrectOpening(word) : CorrectWord(word);
            if (ReferenceEquals(corrected, word) && CommonWords.Contains(word) && !_frequency.ContainsKey(word) && !IsPluralOfKnown(word))
            {
                corrected = InContext(word, at > 0 ? words[at - 1] : null, at + 1 < words.Count ? words[at + 1] : null);
            }

            if (ReferenceEquals(corrected, word))
            {
                return match.Value;
            }

            changed = true;
            return corrected;
        });
        return changed ? result : text;
    }

    /// <summary>
    /// The first word of a sentence is usually the asking word, and a short one is easily mistyped ("wat", "hw",
    /// "dose"): too short for the general rule, but there are few asking words to be near. Elsewhere a short unknown
    /// word may be an abbreviation ("ibs" is not "is"), so only the opening word is read this way.
    /// </summary>
    internal string CorrectOpening(string word)
    {
        if (word.Length is < 2 or > 5 || _frequency.ContainsKey(word) || word.Any(char.IsDigit))
        {
            return CorrectWord(word);
        }

        return AskingWords.FirstOrDefault(a => a[0] == word[0] && Distance(word, a, 1) <= 1) ?? CorrectWord(word);
    }

    private static bool OpensSentence(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd();
        return before.IsEmpty || before[^1] is '.' or '?' or '!';
    }

    internal string CorrectWord(string word)
    {
        return word.Length < 4 || _frequency.ContainsKey(word) || word.Any(char.IsDigit) || IsRealWord(word) ? word
            : _swappedFiller.TryGetValue(word, out var filler) ? filler
            : Nearest(word);
    }

    /// <summary>
    /// A real word stays as typed unless its nearest knowledge word pairs with a neighbour as the base's texts pair
    /// them: "lymphatic message" is "lymphatic massage", "seeing spots" stays "seeing spots".
    /// </summary>
    private string InContext(string word, string? before, string? after)
    {
        if (word.Length < 4 || word.Any(char.IsDigit))
        {
            return word;
        }

        // A filler neighbour ("the", "in") pairs with nearly anything, so it is no evidence.
        var nearest = Nearest(word);
        return !ReferenceEquals(nearest, word)
            && ((before is not null && !Filler.Contains(before) && _pairs.Contains((before, nearest)))
                || (after is not null && !Filler.Contains(after) && _pairs.Contains((nearest, after))))
            ? nearest
            : word;
    }

    private string Nearest(string word)
    {
        // Sounding the same beats any edit distance: "limfatik" is "lymphatic" however many letters differ.
        if (_bySound.TryGetValue(Sound(word), out var sameSound))
        {
            return sameSound;
        }

        if (word.Length < 5)
        {
            return word;
        }

        var maxEdits = word.Length >= 9 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var length = word.Length - maxEdits; length <= word.Length + maxEdits; length++)
        {
            if (!_byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                // Typos rarely hit the first letter; real words that differ there are other words ("bloating", "clotting").
                if (candidate[0] != word[0])
                {
                    continue;
                }

                var distance = Distance(word, candidate, maxEdits);
                if (distance < bestDistance || (distance == bestDistance && best is not null && _frequency[candidate] > _frequency[best]))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }

        return best is not null && bestDistance <= maxEdits ? best : word;
    }

    /// <summary>
    /// A common English word, or a plural of a word the base knows, was typed as meant: correcting it would change
    /// what was asked ("seeing spots" is not "seeing sports"). Only the opening asking word is read more loosely
    /// (<see cref="CorrectOpening"/>: "dose" there is "does").
    /// </summary>
    private bool IsRealWord(string word) => CommonWords.Contains(word) || IsPluralOfKnown(word);

    // A plural reads as its singular once stemmed: correcting it would gain nothing.
    private bool IsPluralOfKnown(string word) =>
        word.EndsWith('s') && (_frequency.ContainsKey(word[..^1]) || (word.EndsWith("es", StringComparison.Ordinal) && _frequency.ContainsKey(word[..^2])));

    /// <summary>Optimal string alignment distance, giving up early once it exceeds <paramref name="max"/>.</summary>
    internal static int Distance(string a, string b, int max)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// How a word sounds for typo purposes: the spellings people swap in this domain's words made equal ("ph"/"f",
    /// "y"/"i", "c"/"k", "oe"/"e", "ae"/"e", "z"/"s") and doubled letters made single.
    /// </summary>
    internal static string Sound(string word)
    {
        var s = word.Replace("ph", "f", StringComparison.Ordinal).Replace("oe", "e", StringComparison.Ordinal)
            .Replace("ae", "e", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var mapped = c switch { 'y' => 'i', 'c' => 'k', 'q' => 'k', 'z' => 's', _ => c };
            if (sb.Length == 0 || sb[^1] != mapped)
            {
                sb.Append(mapped);
            }
        }

        return sb.ToString();
    }

    private static readonly HashSet<string> Filler = new(FillerWords.All, StringComparer.Ordinal);

    private static readonly string[] AskingWords =
        ["what", "how", "why", "who", "when", "where", "which", "can", "could", "does", "would", "should", "will", "are"];

    private static IEnumerable<string> Words(string text) =>
        QuestionText.Normalize(text, int.MaxValue).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"[\p{L}\p{N}'’]+")]
    private static partial Regex WordPattern();
}
