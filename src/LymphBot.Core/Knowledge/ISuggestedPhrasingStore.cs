namespace LymphBot.Core.Knowledge;

/// <summary>Phrasings members chose under "Did you mean…?", for moderators to approve (<c>/kb suggestions</c>).</summary>
public interface ISuggestedPhrasingStore
{
    /// <summary>Records a (question, entry) pair as pending, or counts it once more if it is already known.</summary>
    Task RecordAsync(string question, string entryId, string platform, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The suggestions with a status, most chosen first.</summary>
    Task<IReadOnlyList<SuggestedPhrasing>> ListAsync(SuggestionStatus status, CancellationToken cancellationToken);

    /// <summary>Approves or rejects a pending suggestion; <c>null</c> when no pending suggestion has that id.</summary>
    Task<SuggestedPhrasing?> DecideAsync(long id, SuggestionStatus status, CancellationToken cancellationToken);
}
