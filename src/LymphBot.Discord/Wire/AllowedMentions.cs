namespace LymphBot.Discord.Wire;

internal sealed class AllowedMentions
{
    /// <summary>Always empty: nothing the bot sends may ping anyone.</summary>
    public static AllowedMentions None { get; } = new();

    public IReadOnlyList<string> Parse { get; init; } = [];
}
