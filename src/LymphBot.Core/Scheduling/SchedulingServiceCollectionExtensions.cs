using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds scheduled posts, which reminders and the tip of the day share: the slot fan-out and the outbox sender. The
    /// host supplies <see cref="IReminderStore"/>, <see cref="IDeliveryOutbox"/>, <see cref="IOccurrenceStore"/>, <see cref="IDeliveryHistory"/>, <see cref="ISlotScheduler"/> and
    /// <see cref="ReminderOptions"/>, and runs <see cref="ReminderSender.RunAsync"/>; features add their
    /// <see cref="IScheduledContent"/>.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton<ScheduledContents>();
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<ReminderFanOut>();
        services.AddSingleton<ReminderSender>();
        return services;
    }
}
