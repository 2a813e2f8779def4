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

    /// <summary>Where it was used: 0 a server, 1 the bot's DM, 2 another DM or group DM (a user install).</summary>
    public int? Context { get; set; }

    /// <summary>Installs that allowed it: key "0" (server install, value the guild id) and/or "1" (user install, the user's id).</summary>
    public Dictionary<string, string>? AuthorizingIntegrationOwners { get; set; }
}
