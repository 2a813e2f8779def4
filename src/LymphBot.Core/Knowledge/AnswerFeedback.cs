using LymphBot.Core.Chat;

namespace LymphBot.Core.Knowledge;

/// <summary>A 👍 or 👎 on an answer, kept with the entry it was about and who voted, so each member has one vote per entry.</summary>
public sealed record AnswerFeedback(string EntryId, bool Helpful, ChatUser Voter, DateTimeOffset At)
{
    /// <summary>
    /// For a 👎, the question the answer was given to (normalised, as the unanswered ones are), so moderators read it
    /// among the knowledge gaps; null for a 👍, or when the question is no longer known (a restart, a day later).
    /// </summary>
    public string? Question { get; init; }

    /// <summary>Where <see cref="Question"/> was asked; null with it.</summary>
    public GapScope? Scope { get; init; }
}
