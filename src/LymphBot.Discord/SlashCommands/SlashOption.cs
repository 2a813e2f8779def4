namespace LymphBot.Discord.SlashCommands;

/// <summary>A string option of a slash command.</summary>
internal sealed record SlashOption(string Name, string Description, bool Required = false);
