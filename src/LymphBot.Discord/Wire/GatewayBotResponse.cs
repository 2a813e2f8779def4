namespace LymphBot.Discord.Wire;

internal sealed class GatewayBotResponse
{
    public string Url { get; set; } = string.Empty;

    public int Shards { get; set; }

    public SessionStartLimit? SessionStartLimit { get; set; }
}
