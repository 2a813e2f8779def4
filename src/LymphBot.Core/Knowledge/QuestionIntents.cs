using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Recognises the form of a question from <c>intents.md</c> ("what is it used for" asks for benefits, "what does it
/// mean" for a definition). Only forms some entry declares are kept; the first form in the file that matches wins, so
/// "what is it used for" reads as benefits before "what is" reads as a definition.
/// </summary>
public sealed class QuestionIntents
{
    private readonly List<(string Name, Regex Pattern)> _intents;

    private QuestionIntents(List<(string, Regex)> intents)
    {
        _intents = intents;
    }

    public static QuestionIntents Build(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var declared = snapshot.Entries.SelectMany(e => e.Intents).ToHashSet(StringComparer.Ordinal);
        return new QuestionIntents([.. snapshot.Intents
            .Where(i => i.Patterns.Count > 0 && declared.Contains(i.Name))
            .Select(i => (i.Name, PhrasePattern.Compile(i.Patterns)))]);
    }

    /// <summary>The first form the texts (the question as typed and as spell-corrected) take, if any.</summary>
    public string? Of(params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (_intents.Count == 0)
        {
            return null;
        }

        var normalized = texts.Select(PhrasePattern.Normalize).ToList();
        return _intents.FirstOrDefault(i => normalized.Any(i.Pattern.IsMatch)).Name;
    }
}
