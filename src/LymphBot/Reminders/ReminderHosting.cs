using LymphBot.Core.Adherence;
using LymphBot.Core.Programs;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace LymphBot.Reminders;

public static class ReminderHosting
{
    /// <summary>
    /// Adds daily reminders (section <c>Reminders</c>): Quartz with a persistent job store in the bot's own database
    /// (clustered on PostgreSQL, single-instance on SQLite), one trigger per (zone, time) slot, the durable outbox
    /// and its sender; and programs (<c>/program</c>), whose courses are subscriptions on the same machinery.
    /// </summary>
    public static IHostApplicationBuilder AddLymphBotReminders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection(ReminderOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        builder.Services.AddScheduling();
        builder.Services.AddReminders();
        builder.Services.AddPrograms();
        builder.Services.AddSingleton<IProgramEnrollmentStore, SqlProgramEnrollmentStore>();
        builder.Services.AddSingleton<IReminderStore, SqlReminderStore>();
        builder.Services.AddSingleton<SqlDeliveryStore>();
        builder.Services.AddSingleton<IDeliveryOutbox>(sp => sp.GetRequiredService<SqlDeliveryStore>());
        builder.Services.AddSingleton<IOccurrenceStore>(sp => sp.GetRequiredService<SqlDeliveryStore>());
        builder.Services.AddSingleton<IDeliveryHistory>(sp => sp.GetRequiredService<SqlDeliveryStore>());
        builder.Services.AddSingleton<IOutcomeStore, SqlOutcomeStore>();
        builder.Services.AddSingleton<IFollowUpStore, SqlFollowUpStore>();
        builder.Services.AddSingleton<IWeeklyRecapStore, SqlWeeklyRecapStore>();
        builder.Services.AddSingleton<ISlotScheduler, QuartzSlotScheduler>();

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.ConnectionString ??= builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = "LymphBot");
            quartz.AddJob<ReminderSlotJob>(job => job.WithIdentity(ReminderSlotJob.Key).StoreDurably().RequestRecovery());
            quartz.UsePersistentStore(store =>
            {
                if (storage.Provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(storage.EffectiveConnectionString);

                    // Several instances share the schedule: each slot fires on exactly one, and a dead one's work is recovered.
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                }
                else
                {
                    store.UseSqlite(storage.EffectiveConnectionString);
                }

                store.ProvisionSchema();
            });
        });
        builder.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;

            // Start the scheduler with the other services, before Kestrel listens: waiting for ApplicationStarted left
            // 30-100 ms in which /readyz answered 503 and logged an Unhealthy check at Error level on every start.
            // Jobs only write outbox rows, which the sender picks up once it runs, so they need nothing started first.
            o.AwaitApplicationStarted = false;
        });
        builder.Services.AddHostedService<SlotReconciler>();
        builder.Services.AddHostedService<ReminderSenderService>();
        return builder;
    }
}
