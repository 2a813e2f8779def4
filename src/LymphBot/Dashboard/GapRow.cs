using LymphBot.Core.Chat;

namespace LymphBot.Dashboard;

/// <summary>
/// One stored open question of one chat (private chats: chat id <c>""</c>), as the dashboard shows it: unanswered
/// (with how often it was asked), or a 👎 on the answer it got.
/// </summary>
public sealed record GapRow(string Question, string Platform, string ChatId, int Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked)
{
    /// <summary>Which stored row this is: a 👎 by its vote's id, an unanswered question by its text and chat.</summary>
    public static IEqualityComparer<GapRow> Identity { get; } = EqualityComparer<GapRow>.Create(
        (a, b) => a is null || b is null ? ReferenceEquals(a, b) : a.FeedbackId is { } id ? id == b.FeedbackId : b.FeedbackId is null && a.SameQuestionAndChat(b),
        r => r.FeedbackId is { } id ? id.GetHashCode() : HashCode.Combine(r.Question, r.Platform, r.ChatId));

    /// <summary>
    /// The order the knowledge gaps are grouped in: first asked first, then by text, chat and vote, so two rows are equal
    /// in it only when they are the same row (<see cref="Identity"/>).
    /// </summary>
    public static IComparer<GapRow> FirstAskedOrder { get; } = Comparer<GapRow>.Create((a, b) =>
    {
        var order = a!.FirstAsked.CompareTo(b!.FirstAsked);
        order = order != 0 ? order : string.CompareOrdinal(a.Question, b.Question);
        order = order != 0 ? order : string.CompareOrdinal(a.Platform, b.Platform);
        order = order != 0 ? order : string.CompareOrdinal(a.ChatId, b.ChatId);
        return order != 0 ? order : (a.FeedbackId ?? -1).CompareTo(b.FeedbackId ?? -1);
    });

    public ChatAddress Chat => new(Platform, ChatId);

    /// <summary>For a 👎: the entry whose answer was marked unhelpful; null for an unanswered question.</summary>
    public string? UnhelpfulEntry { get; init; }

    /// <summary>For a 👎: the vote's id; null for an unanswered question.</summary>
    public long? FeedbackId { get; init; }

    private bool SameQuestionAndChat(GapRow other) =>
        string.Equals(Question, other.Question, StringComparison.Ordinal) && string.Equals(Platform, other.Platform, StringComparison.Ordinal) && string.Equals(ChatId, other.ChatId, StringComparison.Ordinal);
}
