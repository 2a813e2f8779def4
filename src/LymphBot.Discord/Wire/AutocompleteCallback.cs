namespace LymphBot.Discord.Wire;

/// <summary>The answer to an autocomplete interaction: callback type 8 with at most 25 choices.</summary>
internal sealed class AutocompleteCallback
{
    public const int AutocompleteResult = 8;

    public int Type { get; init; } = AutocompleteResult;

    public required AutocompleteChoices Data { get; init; }
}
