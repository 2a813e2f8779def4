using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Which part of a message is the question. Forum posts tell a story and then ask ("I had lipo on Friday. Is there a
/// benefit to this?"): the sentences that ask carry the subject, the story is context. Context still counts, at a
/// lower weight, and counts fully when the asking sentence names no subject of its own ("Does this actually work?").
/// </summary>
public static partial class QuestionFocus
{
    /// <summary>
    /// How much a word of the story counts next to a word of the question itself; however long the story, all of it
    /// together never weighs more than this share of the question.
    /// </summary>
    public const double ContextWeight = 0.3;

    private static readonly HashSet<string> AskingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "whats", "what's", "how", "why", "when", "where", "who", "which", "can", "could", "does", "do", "did",
        "is", "are", "was", "will", "would", "should", "shall", "may", "might", "any", "has", "have", "am", "tell",
    };

    /// <summary>
    /// How much a word that only weighs a claim counts ("does it help", "is it effective", "can it benefit"): next to
    /// the subject of the claim it says little; alone it is the question.
    /// </summary>
    public const double ClaimWeight = 0.3;

    // "Does this work?" and "is it true?" ask about what was said before; "is there a benefit?" asks something itself.
    private static readonly HashSet<string> ClaimWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "work", "works", "working", "worked", "effective", "effectively", "help", "helps", "helpful", "legit", "true", "myth",
        "useful", "use", "worth", "worthwhile", "fix", "fixes", "fixed",

        // Doubting a claim names no subject either: "is that legit or marketing?" asks whether the story holds.
        "marketing", "gimmick", "gimmicky", "advertising", "nonsense", "rubbish", "bogus", "pseudoscience",
    };

    private static readonly HashSet<string> LightWords = new(ClaimWords, StringComparer.OrdinalIgnoreCase)
    {
        "effect", "effects", "benefit", "benefits", "beneficial", "worth", "science", "proven", "placebo", "hype", "scam", "legit",
        "perk", "perks", "pros", "upside", "upsides", "advantage", "advantages", "positives",
    };

    /// <summary>Whether a word only asks if a claim holds, so the claim (in the sentences before) is the subject.</summary>
    public static bool IsClaimWord(string word) => ClaimWords.Contains(word);

    /// <summary>
    /// Whether a word weighs a claim (<see cref="ClaimWeight"/>) rather than naming a subject; so do manner adverbs
    /// ("slowly", "badly"), which say how, not what.
    /// </summary>
    public static bool IsLightWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return LightWords.Contains(word) || (word.Length >= 6 && word.EndsWith("ly", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The sentences of a message that ask, together; the whole message when it is one sentence, or when the asking
    /// sentences name nothing of their own ("Everyone says they are certified, how do I know?" asks about the story).
    /// </summary>
    public static string Asking(string message)
    {
        // Whole sentences only: "MLD vs cupping, which helps more?" is one question, its comma no border of the story.
        var sentences = SentenceEnd().Split(message).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var marked = message.Contains('?', StringComparison.Ordinal);
        var asks = sentences.Where(s => marked ? s.EndsWith('?') : OpensLikeQuestion(s)).ToList();
        if (sentences.Count == 1 || asks.Count == 0)
        {
            return message;
        }

        var asking = string.Join(' ', asks);
        return QuestionText.Normalize(asking, int.MaxValue).Split(' ').Any(NamesSomething) ? asking : message;
    }

    private static readonly HashSet<string> Framing = new(FillerWords.All.Concat(EverydayWords.All).Concat(LightWords), StringComparer.OrdinalIgnoreCase);

    private static bool NamesSomething(string word) => word.Length > 1 && !Framing.Contains(word) && !word.All(char.IsDigit);

    /// <summary>The sentences of a message, each marked as asking or as context.</summary>
    public static IReadOnlyList<(string Text, bool Asks)> Split(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sentences = SentenceEnd().Split(message).SelectMany(Clauses).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count <= 1)
        {
            return [(message, true)];
        }

        // With question marks, they say which sentences ask; without, a sentence that opens like a question does.
        var marked = message.Contains('?', StringComparison.Ordinal);
        var result = sentences.Select(s => (s, marked ? s.EndsWith('?') : OpensLikeQuestion(s))).ToList();
        return result.Any(s => s.Item2) ? result : [.. sentences.Select(s => (s, true))];
    }

    /// <summary>
    /// Whether a sentence that asks points back at the story with a pronoun ("what does that mean?", "what are
    /// they?", "is this normal?"): then the story holds its subject, and the asking words alone cannot stand for it.
    /// </summary>
    public static bool PointsBack(string message) =>
        Split(message).Any(s => s.Asks) && Split(message).Count > 1 && Split(message).Where(s => s.Asks).Any(s => Pronoun().IsMatch(s.Text));

    // Words that say what a therapy does to a subject ("reduce cellulite", "clears up acne"), not the subject itself.
    private static readonly HashSet<string> EffectWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "reduce", "reduces", "reducing", "reduced", "lower", "lowers", "lessen", "lessens", "decrease", "decreases", "ease",
        "eases", "relieve", "relieves", "relief", "improve", "improves", "improving", "boost", "boosts", "enhance",
        "enhances", "better", "clear", "clears", "clearing", "remove", "removes", "treat", "treats", "cure", "cures",
        "heal", "heals", "prevent", "prevents", "get", "rid", "fight", "fights", "tackle", "tackles",
    };

    /// <summary>Whether a word says what a therapy does to its subject ("reduce", "improve", "clears") rather than naming one.</summary>
    public static bool IsEffectWord(string word) => EffectWords.Contains(word);

    [GeneratedRegex(@"\b(?:that|this|these|those|they|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();

    /// <summary>
    /// "Often after surgery I'm in pain, does this hurt?" asks only after the comma. A remark after a question without a
    /// question mark ("what are the benefits in plain words, every website is just jargon") is a sentence of its own:
    /// it tells where the asker looked, not what they ask.
    /// </summary>
    private static IEnumerable<string> Clauses(string sentence)
    {
        var start = 0;
        var unmarked = !sentence.Contains('?', StringComparison.Ordinal);
        foreach (Match comma in Comma().Matches(sentence))
        {
            var next = sentence[(comma.Index + comma.Length)..];
            if (OpensLikeQuestion(next) || (unmarked && Remark().IsMatch(next) && OpensLikeQuestion(sentence[start..comma.Index])))
            {
                yield return sentence[start..comma.Index];
                start = comma.Index + comma.Length;
            }
        }

        yield return sentence[start..];
    }

    private static bool OpensLikeQuestion(string sentence)
    {
        var words = sentence.Split(' ', 3);
        var first = words[0].TrimEnd(',', ':');

        // "Not looking for miracles, but could it ease the discomfort?" asks after its "but".
        if (Conjunctions.Contains(first) && words.Length > 1)
        {
            first = words[1].TrimEnd(',', ':');
        }

        return AskingWords.Contains(first);
    }

    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase) { "but", "and", "so", "then", "though" };

    // Keeps the mark with its sentence: "Is it safe? I am worried." splits after the "?". Chat laughter ends a sentence
    // as a full stop does: "so what is mld lol my coworker never shuts up about it" asks before the "lol".
    [GeneratedRegex(@"(?<=[.!?;])\s+|(?<=\b(?:lol|lmao|lmfao|rofl|haha|hahaha)\b)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@",\s+")]
    private static partial Regex Comma();

    // A statement about something else: who or what, a few words, then its verb ("every salon ad is pure hype",
    // "the clinic leaflet is all jargon", "everyone says").
    [GeneratedRegex(
        @"^(?:the|every|all|each|most|these|those|everyone|everybody|people|they)\b(?:\s+[\p{L}'-]+){0,4}?\s+"
        + @"(?:is|are|was|were|has|have|had|says|say|said|seems|seem|keeps|keep|makes|make|sounds|sound|talks|talk)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Remark();
}
