using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Adds daily routine reminders on the scheduling machinery (<see cref="SchedulingServiceCollectionExtensions.AddScheduling"/>):
    /// the commands, the Done/Snooze buttons and the routine's content.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<IScheduledContent, RoutineReminderContent>();
        services.AddSingleton<IChatCommand, RemindCommand>();
        services.AddSingleton<IValueSuggester, OwnReminderSuggester>();
        services.AddSingleton<RemindersCommand>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<RemindersCommand>());
        services.AddSingleton<IChatCommand, TimezoneCommand>();
        services.AddSingleton<IButtonHandler, ReminderButtons>();
        return services;
    }
}
