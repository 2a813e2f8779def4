using LymphBot.Core.Chat;

namespace LymphBot.Dashboard;

/// <summary>
/// One stored open question of one chat (private chats: chat id <c>""</c>), as the dashboard shows it: unanswered
/// (with how often it was asked), or a 👎 on the answer it got.
/// </summary>
public sealed record GapRow(string Question, string Platform, string ChatId, int Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked)
{
    public ChatAddress Chat => new(Platform, ChatId);

    /// <summary>For a 👎: the entry whose answer was marked unhelpful; null for an unanswered question.</summary>
    public string? UnhelpfulEntry { get; init; }
}
