namespace LymphBot.Core.Knowledge;

/// <summary>
/// One indexed term of a text: the stemmed term, its position, where in the text it came from and the word as typed
/// there. A synonym carries the place of the words it stands for, also when it is longer than them ("puffy" gives
/// "fluid retention", both at "puffy"), so terms are grouped by <see cref="Start"/> to find what each word means.
/// </summary>
public sealed record AnalyzedTerm(string Term, int Position, int Start, string Word)
{
    /// <summary>Where the text it stands for ends: past the next word when a phrase matched ("fluid buildup").</summary>
    public int End => Start + Word.Length;
}
