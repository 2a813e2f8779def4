using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// What the ranking reads of a question: its words, less the parts that say what the question is not about and with
/// figures of speech put plainly. Three ways of speaking would otherwise mislead a ranking that goes by words:
/// <list type="bullet">
/// <item>An excluded subject ("besides swelling, what else does it help with") names the one thing the asker does not
/// want: it is left out, so the rest of the question decides.</item>
/// <item>A limb described by a simile ("my legs feel like sausages", "ankles like balloons", "as big as grapefruits",
/// "the size of melons") is a limb described as swollen, whatever it is compared to: the comparison is read as
/// "swollen". A face or a belly is not a limb, so those similes keep their words (the source covers neither).</item>
/// <item>"who" after a group of people ("good for people who want to relax") describes them; it does not ask who the
/// therapy is for.</item>
/// <item>A last alternative that only doubts the question ("… or not", "… or is that overkill", "… or something
/// different", "… or just marketing") is left out: the first half is what is asked.</item>
/// </list>
/// Safety triage reads the question as typed as well as this reading, so nothing here can hide a red flag.
/// </summary>
public static partial class QuestionReading
{
    public static string Read(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = Excluded().Replace(question, " ");
        text = Simile().Replace(text, m => m.Groups["lead"].Value + " swollen");
        text = ThrowawayAlternative().Replace(text, "");
        return RelativeWho().Replace(text, "$1");
    }

    // "…, is it just a normal massage or something different?", "does it help athletes or not", "should I ask my GP
    // first or is that overkill": the last alternative only doubts the first, which is the question.
    [GeneratedRegex(
        @"[\s,]+or\s+(?:not|no|something\s+(?:else|different)|anything\s+else|just\s+[\p{L}'-]+|(?:is|was|am|are)\s+(?:that|it|i|this)\s+(?:\w+\s+)?[\p{L}'-]+)(?=\s*(?:[?.!]|$))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThrowawayAlternative();

    // A marker of exclusion, then the subject it excludes: up to four words, ending where the question resumes (a
    // comma or other mark, an asking word, or the therapy itself).
    [GeneratedRegex(
        @"\b(?:besides|apart from|aside from|other than|except for|except|excluding|not counting|not including|in addition to)"
        + @"(?:\s+(?!(?:what|whats|what's|which|how|why|who|when|where|does|do|did|is|are|can|could|will|would|should|any|anything|there|it|this|that|lymph\w*|mld|massage|drainage)\b)[\p{L}\p{N}'-]+){1,4}"
        + @"(?=\s*(?:[.,;:!?]|$|(?:what|whats|what's|which|how|why|who|when|where|does|do|did|is|are|can|could|will|would|should|any|anything|there|it|this|lymph\w*|mld)\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Excluded();

    // A limb, a few words, then a comparison ("like …", "as big as …", "the size of …") of up to four words, ending at a
    // mark or at a word that carries the sentence on ("by the evening", "after work", "and").
    [GeneratedRegex(
        @"(?<lead>\b(?:legs?|arms?|ankles?|foot|feet|hands?|fingers?|toes?|calf|calves|thighs?|knees?|wrists?|shins?|limbs?)\b(?:\s+[\p{L}\p{N}']+){0,5}?)\s+"
        + @"(?:(?:kind of|kinda|almost|literally|just|so)\s+)?(?:like|as\s+(?:big|fat|thick|wide|round|puffy|heavy|large|swollen|huge)\s+as|the\s+size\s+of)"
        + @"(?:\s+(?!(?:by|after|at|in|on|when|whenever|every|all|from|and|but|so|or|during|since|because|each|would|could|can|does|do|will|is|should|what|how|if|until|till|before)\b)[\p{L}\p{N}'-]+){1,4}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Simile();

    [GeneratedRegex(
        @"\b(people|person|someone|somebody|anyone|anybody|those|everyone|everybody|folks|women|men|patients|clients)\s+who\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeWho();
}
