using System.Text;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Typo tolerance: a word the knowledge base has never seen is replaced by the closest word it knows, within one
/// edit for words of five to seven letters and two for longer ones (shorter words are left alone: too many near neighbours) (Damerau–Levenshtein). Ties go to the more frequent word.
/// </summary>
public sealed class SpellingCorrector
{
    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<int, List<string>> _byLength;

    public SpellingCorrector(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in texts.SelectMany(Words))
        {
            _frequency[word] = _frequency.GetValueOrDefault(word) + 1;
        }

        foreach (var filler in QuestionAnalyzer.FillerWords)
        {
            _frequency.TryAdd(filler, 1);
        }

        _byLength = _frequency.Keys.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Returns the text with unknown words corrected; known words and short words are left alone.</summary>
    public string Correct(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var changed = false;
        foreach (var word in Words(text))
        {
            var corrected = CorrectWord(word);
            changed |= !ReferenceEquals(corrected, word);
            sb.Append(sb.Length == 0 ? string.Empty : " ").Append(corrected);
        }

        return changed ? sb.ToString() : text;
    }

    internal string CorrectWord(string word)
    {
        if (word.Length < 5 || _frequency.ContainsKey(word) || word.Any(char.IsDigit))
        {
            return word;
        }

        var maxEdits = word.Length >= 8 ? 2 : 1;
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

    private static IEnumerable<string> Words(string text) =>
        QuestionText.Normalize(text, int.MaxValue).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
