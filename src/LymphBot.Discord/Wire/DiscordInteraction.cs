namespace LymphBot.Discord.Wire;

internal sealed class DiscordInteraction
{
    public string Id { get; set; } = string.Empty;

    public string? ApplicationId { get; set; }

    public int Type { get; set; }

    public string Token { get; set; } = string.Empty;

    public DiscordInteractionData? Data { get; set; }

    public string? GuildId { get; set; }

    public string? ChannelId { get; set; }

    public DiscordMember? Member { get; set; }

    public DiscordUser? User { get; set; }
}
