using System.Text;
using LymphBot.Core.Chat;

namespace LymphBot.Core.Knowledge;

/// <summary>The wording of answers, safety replies and "I don't know yet", the same on every platform.</summary>
public static class AnswerReplies
{
    public const string UrgentText =
        "I can't advise on this. What you describe can be a sign of something that needs medical attention straight away: " +
        "please **seek urgent care** now (call your local emergency number if it is severe or sudden), and talk to a " +
        "healthcare provider before trying any massage.";

    public const string ProviderText =
        "I can't advise on this, because it depends on your own health. Please talk to a **healthcare provider**, such as " +
        "your doctor, about it before trying lymphatic massage or any new therapy.";

    private const int MaxRelated = 2;
    private const int MaxButtonLabel = 60;

    public static Reply ToReply(Answer answer, KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(snapshot);
        return answer.Kind switch
        {
            AnswerKind.Answer when answer.Entry is { } entry => ForEntry(entry, snapshot),
            AnswerKind.Safety => new Reply(answer.RedFlag?.Urgency == SafetyUrgency.Urgent ? UrgentText : ProviderText),
            _ => NotFound(answer.Suggestions),
        };
    }

    public static Reply ForEntry(KnowledgeEntry entry, KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(snapshot);
        var related = entry.Related.Select(snapshot.Find).OfType<KnowledgeEntry>().Take(MaxRelated)
            .Select(r => new ReplyButton(Label(r.Title), "kb:" + r.Id)).ToList();
        var feedback = new List<ReplyButton> { new("👍", "fb:up:" + entry.Id), new("👎", "fb:down:" + entry.Id) };
        return new Reply(entry.Answer)
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

    private static Reply NotFound(IReadOnlyList<KnowledgeEntry> suggestions)
    {
        var sb = new StringBuilder("I don't know that yet, and I'd rather not guess. I've noted your question so our moderators can add an answer.");
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
            Buttons = suggestions.Count > 0 ? [[.. suggestions.Select(s => new ReplyButton(Label(s.Title), "kb:" + s.Id))]] : [],
        };
    }

    private static string Label(string title) => title.Length <= MaxButtonLabel ? title : title[..(MaxButtonLabel - 1)] + "…";
}
