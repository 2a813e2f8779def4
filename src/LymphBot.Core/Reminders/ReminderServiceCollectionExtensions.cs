using LymphBot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Adds daily reminders: the commands, the buttons, the slot fan-out and the outbox sender. The host supplies
    /// <see cref="IReminderStore"/>, <see cref="IDeliveryStore"/>, <see cref="ISlotScheduler"/> and
    /// <see cref="ReminderOptions"/>, and runs <see cref="ReminderSender.RunAsync"/>.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<ReminderFanOut>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<IChatCommand, RemindCommand>();
        services.AddSingleton<IChatCommand, RemindersCommand>();
        services.AddSingleton<IChatCommand, TimezoneCommand>();
        services.AddSingleton<IButtonHandler, ReminderButtons>();
        return services;
    }
}
