using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LymphBot.Core.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>Adds <c>/dashboard</c>. The host supplies <see cref="IDashboardSignIn"/> and binds <see cref="DashboardOptions"/>.</summary>
    public static IServiceCollection AddDashboardCommand(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>();
        services.TryAddSingleton<ModeratorGate>();
        services.AddSingleton<IChatCommand, DashboardCommand>();
        return services;
    }
}
