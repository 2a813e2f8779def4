namespace LymphBot.Discord.Wire;

internal sealed class DiscordChannel
{
    public string Id { get; set; } = string.Empty;
}
