namespace LymphBot.Core.Knowledge;

/// <summary>
/// The unanswered-question inbox moderators read with <c>/kb gaps</c>, kept per chat, and how many questions of each
/// kind each chat asked per day (for the dashboard; counts only, never the words).
/// </summary>
public interface IQuestionGapStore
{
    /// <summary>
    /// Counts one more asking of a normalised question where <paramref name="scope"/> files it
    /// (<see cref="GapScope.Of"/>): its group, or the platform's private chats.
    /// </summary>
    Task RecordAsync(string question, GapScope scope, DateTimeOffset askedAt, CancellationToken cancellationToken);

    /// <summary>The most-asked questions in <paramref name="scope"/>, most asked first.</summary>
    Task<IReadOnlyList<QuestionGap>> TopAsync(GapScope scope, int count, CancellationToken cancellationToken);

    /// <summary>Counts one question answered as <paramref name="kind"/>, filed like a gap under <paramref name="scope"/>.</summary>
    Task CountAsync(GapScope scope, AnswerKind kind, DateTimeOffset askedAt, CancellationToken cancellationToken);
}
