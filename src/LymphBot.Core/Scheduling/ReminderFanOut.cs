using LymphBot.Core.Adherence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// What a slot's trigger does: write that minute's occurrence for every subscription in the slot to the outbox.
/// Safe to run twice (a job recovered on another node re-runs from the start): occurrences are unique per
/// subscription and local date. The occurrence is derived from the schedule and the clock, not from the trigger,
/// so a late firing after an outage knows how late it is. A subscription whose schedule ends with this date (a one-off,
/// a course's last day) is marked finished once its occurrence is written, and a slot left with no unfinished
/// subscription stops firing. A planned rest day writes nothing, and a paused routine's day is stored as Paused.
/// </summary>
public sealed partial class ReminderFanOut(
    IReminderStore reminders,
    ISlotScheduler slots,
    ScheduledContents contents,
    IOccurrenceStore deliveries,
    IOutcomeStore outcomes,
    IFollowUpStore followUps,
    ReminderSignal signal,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    Telemetry.LymphBotMetrics metrics,
    ILogger<ReminderFanOut> logger)
{
    public async Task<int> RunAsync(string timeZone, TimeOnly localTime, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Find(timeZone);
        var now = time.GetUtcNow();

        // The latest occurrence at or before now (a trigger fires at, or just after, its minute).
        var occurrence = DailySchedule.Next(now.AddDays(-2), localTime, zone, 3).Last(o => o <= now.AddSeconds(1));
        var localDate = DailySchedule.LocalDate(occurrence, zone);
        var late = now - occurrence;
        var missed = late > options.Value.MisfireGrace;
        await CloseMissedAsync(timeZone, localTime, localDate, now, cancellationToken);
        var batch = new List<Delivery>();
        var nags = missed ? null : await followUps.ListSlotAsync(timeZone, localTime, cancellationToken);
        var thisMinute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), now.Offset);
        var inSlot = await reminders.ListSlotAsync(timeZone, localTime, cancellationToken);
        var resting = await outcomes.ListRestingAsync(timeZone, localTime, localDate, cancellationToken);
        var paused = new List<ReminderSubscription>();
        foreach (var subscription in inSlot)
        {
            // The slot fires every day; a subscription's schedule says whether today is one of its days.
            if (!subscription.FiresOn(localDate))
            {
                continue;
            }

            if (!subscription.IsDueAt(occurrence))
            {
                // A paused routine's day is stored as Paused, so /progress shows it and its streak holds.
                if (subscription.Kind == ReminderKind.Routine)
                {
                    paused.Add(subscription);
                }

                continue;
            }

            if (subscription.State == ReminderState.Paused)
            {
                // The pause by days has run out: the subscription is active again from this occurrence on.
                await reminders.UpdateStateAsync(subscription.Id, ReminderState.Active, null, null, cancellationToken);
            }

            if (resting.Contains(subscription.Id))
            {
                // A rest day the member planned (/remind rest): its outcome is stored already, and nothing is sent.
                continue;
            }

            // A missed occurrence is recorded, never sent: it needs no text (and must not use up a tip).
            var text = string.Empty;
            if (!missed)
            {
                if (await contents.For(subscription.Kind).ComposeAsync(subscription, localDate, cancellationToken) is not { } composed)
                {
                    continue;
                }

                text = composed;
            }

            var delivery = new Delivery(0, subscription.Id, subscription.Chat, localDate, DeliveryKind.Daily, occurrence,
                missed ? DeliveryState.Missed : DeliveryState.Pending, 0, text)
            {
                Reason = missed ? $"bot was down: due {occurrence:u}, fired {late.TotalMinutes:0} min late" : null,
            };
            batch.Add(delivery);
            if (nags is not null && nags.TryGetValue(subscription.Id, out var nag))
            {
                // Written with the occurrence, so they are as durable as it is; Done or Skip skips the ones still pending.
                // They keep the schedule's times, unless the occurrence goes out so late (after an outage) that one would
                // already be due: then they count from this minute, or they would all go out with it at once.
                var from = late < nag.Every ? occurrence : thisMinute;
                for (var n = 1; n <= nag.Times; n++)
                {
                    batch.Add(delivery with { Kind = DeliveryKind.FollowUp, Sequence = n, DueAt = from + (nag.Every * n) });
                }
            }
        }

        await outcomes.RecordPausedAsync(paused, localDate, now, cancellationToken);

        // One transaction for the slot: a hot minute with 10,000 subscribers is one commit, not 10,000.
        var written = batch.Count == 0 ? 0 : await deliveries.EnqueueManyAsync(batch, cancellationToken);
        await FinishEndedAsync(timeZone, localTime, localDate, inSlot, cancellationToken);
        foreach (var platform in batch.Where(d => d.Kind == DeliveryKind.Daily).GroupBy(d => d.Chat.Platform))
        {
            var tag = new KeyValuePair<string, object?>("platform", platform.Key);
            metrics.RemindersDue.Add(platform.Count(), tag);
            if (late > TimeSpan.FromMinutes(1))
            {
                metrics.RemindersLate.Add(platform.Count(), tag, new KeyValuePair<string, object?>("outcome", missed ? "missed" : "delivered_late"));
            }
        }

        LogFanOut(timeZone, ReminderTime.Format(localTime), localDate, written, missed);
        signal.Notify();
        return written;
    }

    /// <summary>
    /// Marks finished what has no day left after <paramref name="localDate"/>, after the day's occurrences are written
    /// (a run repeated after a crash writes nothing twice and finds them still unfinished, so nothing is lost). A paused
    /// one whose end passed finishes too. When nothing unfinished is left, the slot's trigger goes; a reminder added to
    /// the slot meanwhile ensured the trigger before or after this look, and the second look puts it back if before.
    /// </summary>
    private async Task FinishEndedAsync(string timeZone, TimeOnly localTime, DateOnly localDate, IReadOnlyList<ReminderSubscription> inSlot, CancellationToken cancellationToken)
    {
        var ended = inSlot.Where(s => s.Schedule.Until is { } last && last <= localDate).ToList();
        foreach (var subscription in ended)
        {
            await reminders.UpdateStateAsync(subscription.Id, ReminderState.Finished, null, $"ended {localDate:yyyy-MM-dd}", cancellationToken);
            LogFinished(subscription.Id, localDate);
        }

        if (ended.Count < inSlot.Count)
        {
            return;
        }

        await slots.RemoveSlotAsync(timeZone, localTime, cancellationToken);
        if ((await reminders.ListSlotAsync(timeZone, localTime, cancellationToken)).Count > 0)
        {
            await slots.EnsureSlotAsync(timeZone, localTime, cancellationToken);
        }
        else
        {
            LogSlotRemoved(timeZone, ReminderTime.Format(localTime));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Id} finished: its schedule ended on {Date}")]
    private partial void LogFinished(long id, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot {Zone} {Time} has no reminders left; its trigger is removed")]
    private partial void LogSlotRemoved(string zone, string time);

    /// <summary>
    /// Stores Missed for the slot's earlier occurrences nobody ticked: the new occurrence is due, so the one before it
    /// can no longer be done. Before the new occurrences are written, so this write never competes with their sends for
    /// SQLite's one writer; a failure is logged and tried again when the slot next fires.
    /// </summary>
    private async Task CloseMissedAsync(string timeZone, TimeOnly localTime, DateOnly localDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await outcomes.CloseMissedAsync(timeZone, localTime, localDate, now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCloseFailed(ex, timeZone, ReminderTime.Format(localTime));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing missed occurrences of slot {Zone} {Time} failed; tried again when it next fires")]
    private partial void LogCloseFailed(Exception exception, string zone, string time);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot {Zone} {Time} for {Date}: {Count} occurrence(s) written (missed: {Missed})")]
    private partial void LogFanOut(string zone, string time, DateOnly date, int count, bool missed);
}
