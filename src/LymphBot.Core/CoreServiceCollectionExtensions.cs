using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LymphBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the platform-free chat core: the router, the built-in commands and platform routing.
    /// Storage ports (<see cref="Users.IChatUserStore"/>) are registered by the host.
    /// </summary>
    public static IServiceCollection AddLymphBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<ChatPlatforms>();
        services.TryAddSingleton<IQuestionAnswerer, PlaceholderAnswerer>();
        services.AddSingleton<IChatCommand, StartCommand>();
        services.AddSingleton<IChatCommand, HelpCommand>();
        return services;
    }
}
