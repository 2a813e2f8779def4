namespace LymphBot.Discord.Wire;

internal sealed class ApplicationCommand
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public int Type { get; init; } = 1;

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public string? DefaultMemberPermissions { get; init; }

    public IReadOnlyList<int>? Contexts { get; init; }
}
