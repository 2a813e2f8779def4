using LymphBot.Core.Chat;

namespace LymphBot.Dashboard;

/// <summary>One stored unanswered question of one chat (private chats: chat id <c>""</c>), as the dashboard shows it.</summary>
public sealed record GapRow(string Question, string Platform, string ChatId, int Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked)
{
    public ChatAddress Chat => new(Platform, ChatId);
}
