using LymphBot.Core.Chat;

namespace LymphBot.Core.Knowledge;

/// <summary>A 👍 or 👎 on an answer, kept with the entry it was about and who voted, so each member has one vote per entry.</summary>
public sealed record AnswerFeedback(string EntryId, bool Helpful, ChatUser Voter, DateTimeOffset At);
