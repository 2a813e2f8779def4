namespace LymphBot.Discord.Wire;

/// <summary>An option of an application command: a subcommand (type 1) with options of its own, or a value.</summary>
internal sealed class ApplicationCommandOption
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;

    public int Type { get; init; } = String;

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Left out of subcommands, where Discord does not take it.</summary>
    public bool? Required { get; init; }

    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    public long? MinValue { get; init; }

    public long? MaxValue { get; init; }

    /// <summary>Values are offered as the member types (interaction type 4); never together with <see cref="Choices"/>.</summary>
    public bool? Autocomplete { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
}
