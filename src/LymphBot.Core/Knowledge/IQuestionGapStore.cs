namespace LymphBot.Core.Knowledge;

/// <summary>The unanswered-question inbox moderators read with <c>/kb gaps</c>.</summary>
public interface IQuestionGapStore
{
    /// <summary>Counts one more asking of a normalised question on a platform.</summary>
    Task RecordAsync(string question, string platform, DateTimeOffset askedAt, CancellationToken cancellationToken);

    /// <summary>The most-asked questions, most asked first.</summary>
    Task<IReadOnlyList<QuestionGap>> TopAsync(int count, CancellationToken cancellationToken);
}
