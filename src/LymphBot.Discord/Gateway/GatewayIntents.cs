namespace LymphBot.Discord.Gateway;

internal static class GatewayIntents
{
    public const int Guilds = 1 << 0;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;
    public const int MessageContent = 1 << 15;

    public static int For(DiscordOptions options) =>
        Guilds | GuildMessages | DirectMessages | (options.MessageContent ? MessageContent : 0);
}
