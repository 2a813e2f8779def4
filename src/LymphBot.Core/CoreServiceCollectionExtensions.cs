using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LymphBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the platform-free chat core: the router, the built-in commands, moderators (section
    /// <c>Moderators</c>) and platform routing.
    /// Storage ports (<see cref="Users.IChatUserStore"/>) are registered by the host.
    /// </summary>
    public static IServiceCollection AddLymphBotCore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<CommandSuggestions>();
        services.AddSingleton<IValueSuggester, Scheduling.TimeZoneSuggester>();
        services.AddSingleton<ChatPlatforms>();
        services.AddSingleton<ChatMigrations>();
        services.AddSingleton<Sending.ReplySender>();
        services.AddSingleton<Turns.ChatTurn>();
        services.AddSingleton<Moderators>();
        services.AddSingleton<UserRateLimiter>();
        services.AddMetrics();
        services.AddSingleton<Telemetry.LymphBotMetrics>();
        var rateLimit = services.AddOptions<RateLimitOptions>();
        if (configuration is not null)
        {
            rateLimit.Bind(configuration.GetSection(RateLimitOptions.Section));
        }

        var moderators = services.AddOptions<ModeratorOptions>();
        if (configuration is not null)
        {
            moderators.Bind(configuration.GetSection(ModeratorOptions.Section));
        }

        services.AddSingleton<IChatCommand, StartCommand>();
        services.AddSingleton<IChatCommand, HelpCommand>();
        return services;
    }
}
