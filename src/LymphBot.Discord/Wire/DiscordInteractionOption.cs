using System.Text.Json;

namespace LymphBot.Discord.Wire;

internal sealed class DiscordInteractionOption
{
    public string Name { get; set; } = string.Empty;

    public int Type { get; set; }

    /// <summary>A string, integer, double or bool depending on <see cref="Type"/>.</summary>
    public JsonElement? Value { get; set; }

    public List<DiscordInteractionOption>? Options { get; set; }

    /// <summary>In an autocomplete interaction, the option the member is typing (its value is the text so far).</summary>
    public bool? Focused { get; set; }
}
