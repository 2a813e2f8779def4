using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Programs;

public static class ProgramServiceCollectionExtensions
{
    /// <summary>
    /// Adds programs (<c>/program</c>, its Join buttons, each day's step as scheduled content) on the scheduling machinery
    /// and the reminders' Done/Skip/Snooze buttons. The host supplies <see cref="IProgramEnrollmentStore"/>.
    /// </summary>
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddSingleton<ProgramEnrollments>();
        services.AddSingleton<ProgramButtons>();
        services.AddSingleton<IButtonHandler>(sp => sp.GetRequiredService<ProgramButtons>());
        services.AddSingleton<IScheduledContent, ProgramStepContent>();
        services.AddSingleton<IValueSuggester, ProgramSuggester>();
        services.AddSingleton<IChatCommand, ProgramCommand>();
        return services;
    }
}
