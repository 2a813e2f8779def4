using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using LymphBot.Core.Privacy;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Tips;

public static class TipsServiceCollectionExtensions
{
    /// <summary>
    /// Adds tips (<c>/tip</c>, <c>/tips</c>), the moderator gate and privacy commands (<c>/mydata</c>, <c>/forgetme</c>).
    /// The host supplies <see cref="ITipStore"/>, <see cref="IAuditLog"/> and <see cref="IPersonalDataStore"/>.
    /// </summary>
    public static IServiceCollection AddTipsAndPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<TipBoard>();
        services.AddSingleton<TipReview>();
        services.AddSingleton<IScheduledContent, TipOfTheDayContent>();
        services.AddSingleton<ModeratorGate>();
        services.AddSingleton<IChatCommand, TipCommand>();
        services.AddSingleton<IValueSuggester>(sp => new ChatTipSuggester(sp.GetRequiredService<ITipStore>(), sp.GetRequiredService<Moderators>(), TipStatus.Approved, ChatTipSuggester.Approved));
        services.AddSingleton<IValueSuggester>(sp => new ChatTipSuggester(sp.GetRequiredService<ITipStore>(), sp.GetRequiredService<Moderators>(), TipStatus.Pending, ChatTipSuggester.Waiting));
        services.AddSingleton<IChatCommand, TipsCommand>();
        services.AddSingleton<IChatCommand, MyDataCommand>();
        services.AddSingleton<IChatCommand, ForgetMeCommand>();
        services.AddSingleton<IButtonHandler, PrivacyButtons>();
        return services;
    }
}
