using System.Text.Json;

namespace LymphBot.Discord.Wire;

/// <summary>A choice offered while typing: its value is a JSON string or a number, as the option's type demands.</summary>
internal sealed record AutocompleteChoice(string Name, JsonElement Value);
