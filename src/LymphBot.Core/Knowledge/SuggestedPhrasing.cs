namespace LymphBot.Core.Knowledge;

/// <summary>
/// A question someone asked and the entry they chose under "Did you mean…?": once a moderator approves it, it joins
/// that entry's phrasings.
/// </summary>
public sealed record SuggestedPhrasing(long Id, string Question, string EntryId, SuggestionStatus Status, string Platform, DateTimeOffset SuggestedAt)
{
    /// <summary>How many times this pair was chosen (the same question and entry are stored once).</summary>
    public int Count { get; init; } = 1;
}
