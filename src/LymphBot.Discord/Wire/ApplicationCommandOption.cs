namespace LymphBot.Discord.Wire;

internal sealed class ApplicationCommandOption
{
    public int Type { get; init; } = 3;

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool Required { get; init; }
}
