using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Dashboard;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;
using LymphBot.Core.Privacy;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tips;
using LymphBot.Core.Users;
using LymphBot.Testing.Chat;
using LymphBot.Testing.Commands;
using LymphBot.Testing.Dashboard;
using LymphBot.Testing.Knowledge;
using LymphBot.Testing.Moderation;
using LymphBot.Testing.Privacy;
using LymphBot.Testing.Programs;
using LymphBot.Testing.Scheduling;
using LymphBot.Testing.Tips;
using LymphBot.Testing.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LymphBot.Testing;

public static class InMemoryStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers an in-memory fake for every storage port of Core, each also as itself so a test can look inside, plus a
    /// <see cref="RecordingPlatform"/> and a <see cref="RecordingSlotScheduler"/>: what the host's AddLymphBotStorage and
    /// Quartz wiring supply, without a database. Replaces <see cref="IChatUserStore"/> if one is registered.
    /// </summary>
    public static IServiceCollection AddInMemoryStores(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryChatUserStore>();
        services.Replace(ServiceDescriptor.Singleton<IChatUserStore>(sp => sp.GetRequiredService<InMemoryChatUserStore>()));
        Add<IChatReachability, InMemoryChatReachability>(services);
        Add<IChatMigrationStore, InMemoryChatMigrationStore>(services);
        Add<ICommandRegistrationStore, InMemoryCommandRegistrationStore>(services);
        Add<ITipStore, InMemoryTipStore>(services);
        Add<IAuditLog, InMemoryAuditLog>(services);
        Add<IPersonalDataStore, InMemoryPersonalDataStore>(services);
        Add<IReminderStore, InMemoryReminderStore>(services);
        Add<IOutcomeStore, InMemoryOutcomeStore>(services);
        Add<IFollowUpStore, InMemoryFollowUpStore>(services);
        Add<IWeeklyRecapStore, InMemoryWeeklyRecapStore>(services);
        Add<IProgramEnrollmentStore, InMemoryProgramEnrollmentStore>(services);
        Add<ISlotScheduler, RecordingSlotScheduler>(services);
        Add<IQuestionGapStore, InMemoryQuestionGapStore>(services);
        Add<IAnswerFeedbackStore, InMemoryAnswerFeedbackStore>(services);
        Add<ISuggestedPhrasingStore, InMemorySuggestedPhrasingStore>(services);
        Add<IChatPlatform, RecordingPlatform>(services);
        Add<IDashboardSignIn, RecordingDashboardSignIn>(services);
        services.AddSingleton<InMemoryDeliveryStore>();
        services.AddSingleton<IDeliveryOutbox>(sp => sp.GetRequiredService<InMemoryDeliveryStore>());
        services.AddSingleton<IOccurrenceStore>(sp => sp.GetRequiredService<InMemoryDeliveryStore>());
        services.AddSingleton<IDeliveryHistory>(sp => sp.GetRequiredService<InMemoryDeliveryStore>());
        return services;
    }

    private static void Add<TPort, TFake>(IServiceCollection services)
        where TPort : class
        where TFake : class, TPort
    {
        services.AddSingleton<TFake>();
        services.AddSingleton<TPort>(sp => sp.GetRequiredService<TFake>());
    }
}
