using LymphBot.Core.Knowledge;

namespace LymphBot.Testing.Knowledge;

public sealed class InMemoryAnswerFeedbackStore : IAnswerFeedbackStore
{
    private readonly List<AnswerFeedback> _votes = [];

    public IReadOnlyList<AnswerFeedback> Votes
    {
        get
        {
            lock (_votes)
            {
                return [.. _votes];
            }
        }
    }

    public Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (_votes)
        {
            _votes.RemoveAll(v => v.EntryId == feedback.EntryId && v.Voter == feedback.Voter);
            _votes.Add(feedback);
        }

        return Task.CompletedTask;
    }

    public Task<(int Helpful, int Unhelpful)> CountAsync(string entryId, CancellationToken cancellationToken)
    {
        lock (_votes)
        {
            return Task.FromResult((_votes.Count(v => v.EntryId == entryId && v.Helpful), _votes.Count(v => v.EntryId == entryId && !v.Helpful)));
        }
    }
}
