namespace LymphBot.Discord.Wire;

/// <summary>One fixed value a member picks from a list instead of typing it.</summary>
internal sealed record ApplicationCommandOptionChoice(string Name, string Value);
