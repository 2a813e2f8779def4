namespace LymphBot.Core.Knowledge;

/// <summary>
/// Common English words (SCOWL sizes 10 and 20, shipped in <c>CommonWords.txt</c>): a word that is already a real
/// word was typed as meant, so the spelling corrector leaves it alone instead of turning it into the nearest word of
/// the knowledge base ("spots" into "sports", "emotional" into "emotionally"). Misspellings ("imune", "drainige") are
/// in no such list, so they are still corrected.
/// </summary>
internal static class CommonWords
{
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static bool Contains(string word) => Words.Value.Contains(word);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonWords).Assembly.GetManifestResourceStream("LymphBot.Core.Knowledge.CommonWords.txt")
            ?? throw new InvalidOperationException("The common-word list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words;
    }
}
