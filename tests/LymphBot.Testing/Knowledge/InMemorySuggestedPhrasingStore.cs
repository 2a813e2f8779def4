using LymphBot.Core.Knowledge;

namespace LymphBot.Testing.Knowledge;

/// <summary>Suggested phrasings in memory, with the SQL store's rules: one row per (question, entry), counted; a decision only once.</summary>
public sealed class InMemorySuggestedPhrasingStore : ISuggestedPhrasingStore
{
    private readonly List<SuggestedPhrasing> _rows = [];

    public Task RecordAsync(string question, string entryId, string platform, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            var index = _rows.FindIndex(r => r.Question == question && r.EntryId == entryId);
            if (index < 0)
            {
                _rows.Add(new SuggestedPhrasing(_rows.Count + 1, question, entryId, SuggestionStatus.Pending, platform, at));
            }
            else
            {
                _rows[index] = _rows[index] with { Count = _rows[index].Count + 1 };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SuggestedPhrasing>> ListAsync(SuggestionStatus status, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            return Task.FromResult<IReadOnlyList<SuggestedPhrasing>>([.. _rows.Where(r => r.Status == status).OrderByDescending(r => r.Count).ThenBy(r => r.Id)]);
        }
    }

    public Task<SuggestedPhrasing?> DecideAsync(long id, SuggestionStatus status, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            var index = _rows.FindIndex(r => r.Id == id && r.Status == SuggestionStatus.Pending);
            if (index < 0)
            {
                return Task.FromResult<SuggestedPhrasing?>(null);
            }

            _rows[index] = _rows[index] with { Status = status };
            return Task.FromResult<SuggestedPhrasing?>(_rows[index]);
        }
    }
}
