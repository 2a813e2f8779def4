using LymphBot.Core.Adherence;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Adds daily routine reminders on the scheduling machinery (<see cref="SchedulingServiceCollectionExtensions.AddScheduling"/>):
    /// the commands, the Done/Snooze buttons, the buttons of <c>/reminders</c>, of <c>/remind</c>'s preview and of its picker, naming
    /// the zone of a shared location, the routine's content, and <c>/progress</c> with its weekly recap.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<IScheduledContent, RoutineReminderContent>();
        services.AddSingleton<IScheduledContent, WeeklyRecapContent>();
        services.AddSingleton<IValueSuggester, OwnReminderSuggester>();
        services.AddSingleton<ReminderDrafts>();
        services.AddSingleton<IButtonHandler>(sp => sp.GetRequiredService<ReminderDrafts>());
        services.AddSingleton<RemindCommand>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<RemindCommand>());
        services.AddSingleton<RemindersCommand>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<RemindersCommand>());
        services.AddSingleton<TimezoneCommand>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<TimezoneCommand>());
        services.AddSingleton<ILocationHandler>(sp => sp.GetRequiredService<TimezoneCommand>());
        services.AddSingleton<IButtonHandler>(sp => sp.GetRequiredService<TimezoneCommand>());
        services.AddSingleton<IButtonHandler, ReminderButtons>();
        services.AddSingleton<IButtonHandler, ReminderListButtons>();
        services.AddSingleton<IButtonHandler, ReminderPicker>();
        services.AddSingleton<IChatCommand, ProgressCommand>();
        return services;
    }
}
