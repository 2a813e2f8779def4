namespace LymphBot.Core.Commands;

/// <summary>How numbered things ("#3 08:00 Europe/Berlin") are matched as a member types: by number, or by any part of the label.</summary>
public static class SuggestionFilter
{
    public static IReadOnlyList<ValueSuggestion> Matching(IEnumerable<ValueSuggestion> suggestions, string typed, int max)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var wanted = typed.TrimStart('#');
        return
        [
            .. suggestions
                .Where(s => wanted.Length == 0 || s.Value.StartsWith(wanted, StringComparison.Ordinal) || s.Label.Contains(wanted, StringComparison.OrdinalIgnoreCase))
                .Take(max),
        ];
    }
}
