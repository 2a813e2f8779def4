namespace LymphBot.Discord.Wire;

internal sealed class ApplicationCommand
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public int Type { get; init; } = 1;

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public long? DefaultMemberPermissions { get; init; }

    /// <summary>Where it can be used: 0 servers, 1 the bot's DM, 2 other DMs and group DMs (user installs only).</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>How it can be installed: 0 to a server, 1 to a user (then members use it where the bot is not).</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}
