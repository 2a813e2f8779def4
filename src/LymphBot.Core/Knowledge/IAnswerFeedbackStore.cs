namespace LymphBot.Core.Knowledge;

/// <summary>Where 👍/👎 on answers are kept, so moderators can see which entries need work.</summary>
public interface IAnswerFeedbackStore
{
    /// <summary>Stores the vote; a member's later vote on the same entry replaces their earlier one.</summary>
    Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken);

    /// <summary>Helpful and unhelpful counts for one entry.</summary>
    Task<(int Helpful, int Unhelpful)> CountAsync(string entryId, CancellationToken cancellationToken);
}
