using LymphBot.Core.Chat;
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
            // One vote per (entry, platform, voter id), as the SQL unique key: a changed display name is the same voter.
            _votes.RemoveAll(v => v.EntryId == feedback.EntryId && v.Voter.Platform == feedback.Voter.Platform && v.Voter.UserId == feedback.Voter.UserId);
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

    /// <summary>How many answers <paramref name="member"/> rated (<c>/mydata</c>).</summary>
    internal int CountVotesOf(ChatUser member)
    {
        lock (_votes)
        {
            return _votes.Count(v => v.Voter.Platform == member.Platform && v.Voter.UserId == member.UserId);
        }
    }

    /// <summary>How many of <paramref name="member"/>'s votes kept their question (<c>/mydata</c>).</summary>
    internal int CountQuestionsOf(ChatUser member)
    {
        lock (_votes)
        {
            return _votes.Count(v => v.Voter.Platform == member.Platform && v.Voter.UserId == member.UserId && v.Question is not null);
        }
    }

    /// <summary>
    /// The votes still count for their entries; who cast them goes (<c>/forgetme</c>). A forgotten voter has an empty
    /// id, which no member has, so it never merges with a later vote (the SQL store's NULL voter).
    /// </summary>
    internal void ForgetVoter(ChatUser member)
    {
        lock (_votes)
        {
            for (var i = 0; i < _votes.Count; i++)
            {
                if (_votes[i].Voter.Platform == member.Platform && _votes[i].Voter.UserId == member.UserId)
                {
                    _votes[i] = _votes[i] with { Voter = new ChatUser(member.Platform, string.Empty, string.Empty), Question = null, Scope = null };
                }
            }
        }
    }
}
