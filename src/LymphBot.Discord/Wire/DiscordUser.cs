namespace LymphBot.Discord.Wire;

internal sealed class DiscordUser
{
    public string Id { get; set; } = string.Empty;

    public string? Username { get; set; }

    public string? GlobalName { get; set; }

    public bool Bot { get; set; }
}
