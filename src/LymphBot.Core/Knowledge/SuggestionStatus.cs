namespace LymphBot.Core.Knowledge;

public enum SuggestionStatus
{
    Pending,
    Approved,
    Rejected,
}
