using Microsoft.Extensions.Hosting;

namespace LymphBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Adds the Discord adapter when <c>Discord:Token</c> is set.</summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
