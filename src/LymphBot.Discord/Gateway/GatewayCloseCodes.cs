namespace LymphBot.Discord.Gateway;

/// <summary>
/// Explicit close-code policy. Fatal: 4004 and 4010–4014 (a human must act). New session: 4003, 4006, 4007, 4009.
/// Everything else (including 1000/1001 from proxies and 1006 from a dropped connection) resumes.
/// </summary>
internal static class GatewayCloseCodes
{
    public static GatewayOutcome Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayOutcome.Fatal,
        4003 or 4006 or 4007 or 4009 => GatewayOutcome.Identify,
        _ => GatewayOutcome.Resume,
    };

    public static string Describe(int? code) => code switch
    {
        4004 => "Discord closed the gateway with 4004 (authentication failed): the bot token is wrong or was reset. Set Discord:Token to the current token and restart.",
        4010 => "Discord closed the gateway with 4010 (invalid shard): check Discord:ShardId and Discord:ShardCount.",
        4011 => "Discord closed the gateway with 4011 (sharding required): the bot is in too many servers for one shard; raise Discord:ShardCount.",
        4012 => "Discord closed the gateway with 4012 (invalid API version).",
        4013 => "Discord closed the gateway with 4013 (invalid intents).",
        4014 => "Discord closed the gateway with 4014 (disallowed intents): enable the Message Content intent on the Developer Portal's Bot page, or set Discord:MessageContent to false.",
        null => "the connection dropped",
        _ => $"Discord closed the gateway with {code}",
    };
}
