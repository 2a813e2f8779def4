
namespace LymphBot.Discord.Wire;

internal sealed class AutocompleteChoices
{
    public required IReadOnlyList<AutocompleteChoice> Choices { get; init; }
}
