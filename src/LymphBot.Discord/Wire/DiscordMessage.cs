namespace LymphBot.Discord.Wire;

internal sealed class DiscordMessage
{
    public string Id { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string? GuildId { get; set; }

    public int Type { get; set; }

    public string? Content { get; set; }

    public DiscordUser? Author { get; set; }

    public DiscordMember? Member { get; set; }

    public List<DiscordUser>? Mentions { get; set; }

    public string? WebhookId { get; set; }

    public DiscordMessageAuthorOnly? ReferencedMessage { get; set; }
}
