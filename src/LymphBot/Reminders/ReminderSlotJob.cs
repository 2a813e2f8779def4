using System.Globalization;
using LymphBot.Core.Scheduling;
using Quartz;

namespace LymphBot.Reminders;

/// <summary>Thin: one slot's trigger fired, so write that minute's occurrences to the outbox.</summary>
public sealed class ReminderSlotJob(ReminderFanOut fanOut) : IJob
{
    public const string ZoneKey = "zone";
    public const string TimeKey = "time";

    public static readonly JobKey Key = new("reminder-slot", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var time = TimeOnly.ParseExact(data.GetString(TimeKey)!, "HH:mm", CultureInfo.InvariantCulture);
        await fanOut.RunAsync(data.GetString(ZoneKey)!, time, cancellationToken);
    }
}
