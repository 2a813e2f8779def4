namespace LymphBot.Discord.Wire;

internal sealed class DiscordInteractionData
{
    public string? Name { get; set; }

    public int? Type { get; set; }

    public List<DiscordInteractionOption>? Options { get; set; }

    public string? CustomId { get; set; }

    public int? ComponentType { get; set; }
}
