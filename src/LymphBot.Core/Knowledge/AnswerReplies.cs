using System.Text;
using System.Text.RegularExpressions;
using LymphBot.Core.Chat;

namespace LymphBot.Core.Knowledge;

/// <summary>The wording of answers, safety replies, "Did you mean…?" and "not covered", the same on every platform.</summary>
public static partial class AnswerReplies
{
    public const string UrgentText =
        "I can't advise on this. What you describe can be a sign of something that needs medical attention straight away: " +
        "please **seek urgent care** now (call your local emergency number if it is severe or sudden), and talk to a " +
        "healthcare provider before trying any massage.";

    public const string ProviderText =
        "I can't advise on this, because it depends on your own health. Please talk to a **healthcare provider**, such as " +
        "your doctor, about it before trying lymphatic massage or any new therapy.";

    /// <summary>Prefix of the "Did you mean…?" buttons: <c>sg:&lt;question key&gt;:&lt;entry id&gt;</c>.</summary>
    public const string ClarifyPrefix = "sg";

    private const int MaxRelated = 2;

    /// <summary>Telegram's limit on a button's data, in bytes (ids and keys are ASCII).</summary>
    private const int MaxButtonData = 64;
    private const int MaxButtonLabel = 60;
    private const int MaxNamedWords = 3;

    /// <param name="answer">What the knowledge base made of the question.</param>
    /// <param name="snapshot">The base the answer came from.</param>
    /// <param name="questionKey">
    /// For "Did you mean…?" and an answer's 👎: the key under which the question was remembered, so a tap can record it.
    /// </param>
    public static Reply ToReply(Answer answer, KnowledgeSnapshot snapshot, string? questionKey = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(snapshot);
        return answer.Kind switch
        {
            AnswerKind.Answer when answer.Entry is { } entry => ForEntry(entry, snapshot, answer.Uncovered, questionKey),
            AnswerKind.Safety => new Reply(answer.RedFlag?.Urgency == SafetyUrgency.Urgent ? UrgentText : ProviderText),
            AnswerKind.Clarify => Clarify(answer.Candidates, questionKey),
            _ => NotFound(answer, snapshot),
        };
    }

    public static Reply ForEntry(KnowledgeEntry entry, KnowledgeSnapshot snapshot) => ForEntry(entry, snapshot, []);

    /// <summary>
    /// An entry's answer; when it covers only part of the question, it says which part it leaves out and does not open
    /// with "Yes". Its 👎 carries <paramref name="questionKey"/> (<c>fb:down:&lt;id&gt;:&lt;key&gt;</c>) when that fits a
    /// button's 64 bytes.
    /// </summary>
    public static Reply ForEntry(KnowledgeEntry entry, KnowledgeSnapshot snapshot, IReadOnlyList<string> uncovered, string? questionKey = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(uncovered);
        var related = entry.Related.Select(snapshot.Find).OfType<KnowledgeEntry>().Take(MaxRelated)
            .Select(r => new ReplyButton(Label(r.Title), "kb:" + r.Id)).ToList();
        var down = questionKey is not null && $"fb:down:{entry.Id}:{questionKey}" is { Length: <= MaxButtonData } keyed ? keyed : "fb:down:" + entry.Id;
        var feedback = new List<ReplyButton> { new("👍", "fb:up:" + entry.Id), new("👎", down) };
        var text = uncovered.Count == 0
            ? entry.Answer
            : $"Part of your question ({Named(uncovered)}) isn't covered by this answer. Here is what our source says:\n\n{WithoutYes(entry.Answer)}";
        return new Reply(text)
        {
            Citation = KnowledgeValidator.Citation(snapshot, entry.Sources),
            Buttons = related.Count > 0 ? [related, feedback] : [feedback],
        };
    }

    /// <summary>The reply as one text, citation included: what <c>ask --json</c> reports and evaluations check.</summary>
    public static string FullText(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = ReplyMarkup.ToPlainText(reply.Text);
        return reply.Citation is null ? text : $"{text}\n\nSource: {reply.Citation}";
    }

    /// <summary>An answer without its opening "Yes", for when the question was only partly what the entry answers.</summary>
    public static string WithoutYes(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var match = OpeningYes().Match(answer);
        if (!match.Success)
        {
            return answer;
        }

        var keep = match.Groups["keep"].Value;
        var rest = answer[match.Length..];
        return keep.Length > 0 ? keep + rest : rest.Length > 0 ? char.ToUpperInvariant(rest[0]) + rest[1..] : rest;
    }

    private static Reply Clarify(IReadOnlyList<KnowledgeEntry> candidates, string? questionKey)
    {
        var sb = new StringBuilder("I'm not sure which question you mean. Did you mean one of these?");
        foreach (var candidate in candidates)
        {
            sb.Append("\n• ").Append(ReplyMarkup.Escape(candidate.Title));
        }

        var key = questionKey ?? "-";
        return new Reply(sb.ToString())
        {
            Buttons = [.. candidates.Select(c => (IReadOnlyList<ReplyButton>)[new ReplyButton(Label(c.Title), $"{ClarifyPrefix}:{key}:{c.Id}")])],
        };
    }

    private static Reply NotFound(Answer answer, KnowledgeSnapshot snapshot)
    {
        var sb = new StringBuilder();
        if (answer.NotCoveredKind is { } kind)
        {
            sb.Append("Our source doesn't cover that: it says nothing about ").Append(ReplyMarkup.Escape(kind)).Append(", so I'd rather not guess.");
        }
        else if (answer.Related is not null && answer.Uncovered.Count > 0)
        {
            sb.Append("Our source doesn't cover that: it says nothing about ").Append(Named(answer.Uncovered)).Append(", so I'd rather not guess.");
        }
        else
        {
            sb.Append("I don't know that yet, and I'd rather not guess.");
        }

        sb.Append(" I've noted your question so our moderators can add an answer.");
        string? citation = null;
        if (answer.Related is { } related)
        {
            // At most one related, sourced fact: the first sentence of the nearest entry, never its "Yes".
            sb.Append("\n\nOn a related point, our source says: ").Append(FirstSentence(WithoutYes(related.Answer)));
            citation = KnowledgeValidator.Citation(snapshot, related.Sources);
        }

        var suggestions = answer.Suggestions;
        if (suggestions.Count > 0)
        {
            sb.Append("\n\nTopics I can help with:");
            foreach (var suggestion in suggestions)
            {
                sb.Append("\n• ").Append(ReplyMarkup.Escape(suggestion.Title));
            }
        }

        return new Reply(sb.ToString())
        {
            Citation = citation,
            Buttons = suggestions.Count > 0 ? [[.. suggestions.Select(s => new ReplyButton(Label(s.Title), "kb:" + s.Id))]] : [],
        };
    }

    private static string Named(IReadOnlyList<string> words) =>
        string.Join(", ", words.Take(MaxNamedWords).Select(w => "“" + ReplyMarkup.Escape(w.ToLowerInvariant()) + "”"));

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + 1)] : text;
    }

    private static string Label(string title) => title.Length <= MaxButtonLabel ? title : title[..(MaxButtonLabel - 1)] + "…";

    // "Yes. …", "Yes, …" and "According to our source, yes: …" (keeping "According to our source, ").
    [GeneratedRegex(@"^(?:(?<keep>According to our source, )yes[:,.]\s*|Yes[.,!:]?\s+)")]
    private static partial Regex OpeningYes();

    [GeneratedRegex(@"[.!?](?=\s|$)")]
    private static partial Regex SentenceEnd();
}
