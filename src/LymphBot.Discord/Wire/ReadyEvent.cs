namespace LymphBot.Discord.Wire;

internal sealed class ReadyEvent
{
    public string SessionId { get; set; } = string.Empty;

    public string? ResumeGatewayUrl { get; set; }

    public DiscordUser? User { get; set; }

    public ReadyApplication? Application { get; set; }
}
