using LymphBot.Core.Chat;
using LymphBot.Discord.Events;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Interactions;
using LymphBot.Discord.Rest;
using LymphBot.Discord.SlashCommands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Discord adapter when <c>Discord:Token</c> is set (otherwise does nothing): options from section
    /// <c>Discord</c> validated at start, the gateway and its workers as a hosted service, <see cref="DiscordChatPlatform"/>
    /// as an <see cref="IChatPlatform"/>, and <see cref="DiscordStatus"/> for health. Needs Core
    /// (<c>AddLymphBotCore</c>), an <see cref="IChatReachability"/> and an
    /// <see cref="Core.Commands.ICommandRegistrationStore"/> registered by the host.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDiscordServices(builder.Configuration);
        return builder;
    }

    internal static IServiceCollection AddDiscordServices(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Our own log lines name routes; the factory's would log request URLs, which carry interaction tokens.
        services.AddHttpClient(DiscordRestClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();

        services.AddSingleton<DiscordStatus>();
        services.AddSingleton<IPlatformHealth>(sp => sp.GetRequiredService<DiscordStatus>());
        services.AddSingleton<DiscordRateLimiter>();
        services.AddSingleton<InvalidRequestCounter>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordGateway>();
        services.AddSingleton<SlashCommandRegistrar>();
        services.AddSingleton<DiscordInteractionResponder>();
        services.AddSingleton<DiscordEventHandler>();
        services.AddSingleton<DiscordEventDispatcher>();
        services.AddSingleton(sp => new DiscordChatPlatform(
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<IChatReachability>(),
            sp.GetRequiredService<DiscordStatus>()));
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<DiscordChatPlatform>());
        services.AddHostedService<DiscordAdapter>();
        return services;
    }
}
