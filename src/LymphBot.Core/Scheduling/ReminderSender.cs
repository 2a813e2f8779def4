using System.Diagnostics.CodeAnalysis;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// Drains the outbox: claims due deliveries, sends them through <see cref="ChatPlatforms"/> (whose adapters pace to
/// each platform's limits), and records each outcome as it completes. Rate limits wait <c>retry_after</c>; transient
/// errors back off; an unreachable chat pauses the subscription with the reason and is never retried in a loop.
/// At-least-once: a crash between sending and recording repeats at most the sends that were in flight.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "Its SemaphoreSlim holds nothing to release (no wait handle is asked for), and sends cut short by the shutdown timeout may still give a place back after the host has stopped.")]
public sealed partial class ReminderSender(
    IDeliveryOutbox deliveries,
    IReminderStore reminders,
    IOutcomeStore outcomes,
    ScheduledContents contents,
    ChatPlatforms platforms,
    IChatReachability reachability,
    ChatMigrations migrations,
    ReminderSignal signal,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    LymphBotMetrics metrics,
    ILogger<ReminderSender> logger)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts of one delivery.</summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>Repeats that need no wait (without formatting, to a moved chat) within one claim.</summary>
    private const int MaxImmediateRetries = 3;

    // The sends under way: outcomes not yet recorded and claims not yet started, and a place per send (each held from
    // the send's start until its outcome is written). Kept here rather than in locals so that SettleAsync can record
    // and hand them back when the host's shutdown timeout cuts the sending short.
    private readonly Lock _batchGate = new();
    private readonly List<DeliveryOutcome> _unrecorded = [];
    private readonly List<TaskCompletionSource> _recordWaiters = [];
    private readonly Dictionary<long, Delivery> _unstarted = [];
    private readonly Queue<Claim> _claims = new();
    private readonly int _concurrency = options.Value.SendConcurrency;
    private readonly SemaphoreSlim _places = new(options.Value.SendConcurrency);
    private Task _recording = Task.CompletedTask;
    private bool _recorderRunning;
    private long _inHand;

    /// <summary>Deliveries claimed from the outbox and not yet recorded: reported as <c>lymphbot.queue.depth{queue="reminders.claimed"}</c>.</summary>
    public long InHand => Interlocked.Read(ref _inHand);

    /// <summary>Reports <see cref="InHand"/> to the metrics until disposed; the host's sender service does this.</summary>
    public IDisposable TrackQueueDepth() => metrics.TrackQueue("all", "reminders.claimed", () => InHand);

    /// <summary>
    /// Sends until cancelled. <paramref name="ownsEveryClaim"/>: no other sender can be running (the single SQLite
    /// instance), so claims found at start were left by this bot's previous process and go back to pending at once,
    /// instead of after <see cref="ReminderOptions.ClaimTimeout"/>.
    /// </summary>
    public async Task RunAsync(bool ownsEveryClaim, CancellationToken cancellationToken)
    {
        if (ownsEveryClaim && await deliveries.ReleaseStaleAsync(DateTimeOffset.MaxValue, cancellationToken) is > 0 and var released)
        {
            LogReleasedAtStart(released);
        }

        var nextRelease = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Claims held by a sender that died (this process before a restart, or another instance) go back to
                // pending once they are older than the claim timeout; checked regularly, not only at start.
                if (time.GetUtcNow() >= nextRelease)
                {
                    await deliveries.ReleaseStaleAsync(StaleBefore(time.GetUtcNow() - options.Value.ClaimTimeout), cancellationToken);
                    nextRelease = time.GetUtcNow() + ReleaseInterval(options.Value.ClaimTimeout);
                }

                if (await SendDueAsync(cancellationToken) == 0)
                {
                    await SettleIfIdleAsync(cancellationToken);
                    await signal.WaitAsync(IdlePoll, time, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; nothing is lost, the outbox is still there.
                LogLoopFailed(ex);
                await Task.Delay(IdlePoll, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        // Graceful shutdown: the sends under way finish (bounded by the host's shutdown timeout) and are recorded.
        await DrainAsync();
    }

    /// <summary>With nothing in flight, writes outcomes an earlier write failed to record (storage trouble), so their claims do not wait for the timeout.</summary>
    private async Task SettleIfIdleAsync(CancellationToken cancellationToken)
    {
        bool leftOver;
        lock (_batchGate)
        {
            leftOver = _unrecorded.Count > 0 && !_recorderRunning;
        }

        if (leftOver && _places.CurrentCount == _concurrency)
        {
            await SettleAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Claims a batch of due deliveries and starts each as a place among <see cref="ReminderOptions.SendConcurrency"/>
    /// frees up; returns how many it claimed once all of them have started. The sends go on after it returns: a slow
    /// one (no answer until the client's timeout) holds only its own place, so the next batch is claimed as soon as
    /// places free up, not when the slowest send of this one ends.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var claimedAt = time.GetUtcNow();
        var batch = await deliveries.ClaimDueAsync(claimedAt, options.Value.SendConcurrency * 4, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        metrics.OutboxClaimed.Record(batch.Count);
        Interlocked.Add(ref _inHand, batch.Count);
        var claim = new Claim(claimedAt, batch.Count);
        lock (_batchGate)
        {
            _claims.Enqueue(claim);
            foreach (var delivery in batch)
            {
                _unstarted[delivery.Id] = delivery;
            }
        }

        // Deliveries for different chats go out concurrently; the platforms' pacers hold each to its limits. A claimed
        // batch is finished even when shutdown begins (graceful shutdown: in-flight deliveries go out), so the wait for
        // a place is not cancelled; the host's shutdown timeout bounds it, and SettleAsync then records what went out
        // and hands back the rest.
        foreach (var delivery in batch)
        {
            await _places.WaitAsync(CancellationToken.None);
            bool start;
            lock (_batchGate)
            {
                start = _unstarted.Remove(delivery.Id); // false: handed back by SettleAsync
            }

            if (start)
            {
                _ = Task.Run(() => SendAndRecordAsync(delivery, claim), CancellationToken.None);
            }
            else
            {
                _places.Release();
                Let(claim);
            }
        }

        return batch.Count;
    }

    /// <summary>
    /// Records the outcomes so far and returns the claims that were never started to pending. The sender does this
    /// when it stops; the host calls it once its shutdown timeout has passed, because sends cut short then never end,
    /// and without this what went out would be sent again and what did not would wait for the claim timeout. Only
    /// the sends in flight stay claimed.
    /// </summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Task recording;
        lock (_batchGate)
        {
            _unrecorded.AddRange(_unstarted.Values.Select(d => new DeliveryOutcome(d.Id, DeliveryState.Pending, d.Attempts, d.Reason, now, null)));
            _unstarted.Clear();
            recording = _recording;
        }

        // Whatever the recorder is writing finishes first; then the rest, including what it could not write.
        await recording;
        List<DeliveryOutcome> rest;
        lock (_batchGate)
        {
            rest = [.. _unrecorded];
            _unrecorded.Clear();
        }

        if (rest.Count > 0)
        {
            await deliveries.CompleteManyAsync(rest, cancellationToken);
        }
    }

    /// <summary>Queues the outcome for the recorder; completes once it is written (or the write failed and SettleAsync has it).</summary>
    private Task RecordAsync(DeliveryOutcome outcome)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_batchGate)
        {
            _unrecorded.Add(outcome);
            _recordWaiters.Add(written);
            if (!_recorderRunning)
            {
                _recorderRunning = true;
                _recording = Task.Run(RecordPendingAsync, CancellationToken.None);
            }
        }

        return written.Task;
    }

    /// <summary>Writes queued outcomes until none are left; outcomes that arrive during a write go in the next one.</summary>
    private async Task RecordPendingAsync()
    {
        while (true)
        {
            List<DeliveryOutcome> chunk;
            List<TaskCompletionSource> waiters;
            lock (_batchGate)
            {
                if (_unrecorded.Count == 0)
                {
                    _recorderRunning = false;
                    return;
                }

                chunk = [.. _unrecorded];
                waiters = [.. _recordWaiters];
                _unrecorded.Clear();
                _recordWaiters.Clear();
            }

            try
            {
                await deliveries.CompleteManyAsync(chunk, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Storage trouble: keep them for SettleAsync at the end of the batch, which tries again and reports.
                LogRecordFailed(ex, chunk.Count);
                lock (_batchGate)
                {
                    _unrecorded.InsertRange(0, chunk);
                    _recorderRunning = false;
                }

                waiters.ForEach(w => w.TrySetResult());
                return;
            }

            waiters.ForEach(w => w.TrySetResult());
        }
    }

    private async Task SendAndRecordAsync(Delivery delivery, Claim claim)
    {
        try
        {
            // Each outcome is recorded as it completes (group commit: what completes while one write runs goes in the
            // next), and the place is given back only once it is written: at any moment each place has at most one
            // send that is not recorded, so a crash repeats at most SendConcurrency sends, not the batch.
            await RecordAsync(await SendOneAsync(delivery, CancellationToken.None));
        }
        catch (Exception ex)
        {
            // Storage failed before the send: the claim stays, released after the claim timeout (at once on a restart on SQLite).
            LogSendFailed(ex, delivery.Id, delivery.Attempts + 1);
        }
        finally
        {
            Let(claim);
            _places.Release();
        }
    }

    /// <summary>One delivery of <paramref name="claim"/> is no longer in this sender's hands (recorded, or handed back).</summary>
    private void Let(Claim claim)
    {
        lock (_batchGate)
        {
            claim.Held--;
        }

        Interlocked.Decrement(ref _inHand);
    }

    /// <summary>
    /// Claims made before <paramref name="timedOut"/> are a dead sender's, except this sender's own: its sends may take
    /// longer than the claim timeout (no answer until the client gives up, a long retry_after) and taking them back
    /// would send them twice. So nothing claimed since this sender's oldest claim still in hand is released.
    /// </summary>
    private DateTimeOffset StaleBefore(DateTimeOffset timedOut)
    {
        lock (_batchGate)
        {
            while (_claims.TryPeek(out var done) && done.Held == 0)
            {
                _claims.Dequeue();
            }

            return _claims.TryPeek(out var oldest) && oldest.At < timedOut ? oldest.At : timedOut;
        }
    }

    /// <summary>Waits until every send started has been recorded (or given up on), then records what is left over.</summary>
    private async Task DrainAsync()
    {
        for (var i = 0; i < _concurrency; i++)
        {
            await _places.WaitAsync(CancellationToken.None);
        }

        _places.Release(_concurrency);
        await SettleAsync(CancellationToken.None);
    }

    private async Task<DeliveryOutcome> SendOneAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginChatScope(delivery.Chat.Platform, delivery.Chat.ChatId);
        var attempts = delivery.Attempts + 1;
        var subscription = await reminders.FindAsync(delivery.SubscriptionId, cancellationToken);
        // A finished subscription's occurrences were all written before it finished (its last one among them): sent.
        // A pause stops every nudge still to come, a snooze pressed before it too: paused means quiet.
        if (subscription is null || (subscription.State != ReminderState.Finished && !subscription.IsDueAt(delivery.DueAt)))
        {
            return Outcome(delivery, DeliveryState.Skipped, attempts, subscription is null ? "reminder removed" : "reminder paused", null);
        }

        // The day has its outcome (Done, Skip, a rest day, Missed or Paused), perhaps stored while this nudge was already
        // claimed: the writers skipped only what was still pending.
        if (delivery.Kind != DeliveryKind.Daily && await outcomes.FindAsync(delivery.SubscriptionId, delivery.LocalDate, cancellationToken) is { } settled)
        {
            return Outcome(delivery, DeliveryState.Skipped, attempts, ((OccurrenceOutcome?)settled).IsTicked() ? "done" : "day " + settled.ToString().ToLowerInvariant(), null);
        }

        // Past the misfire grace when it comes to be sent (it sat in the outbox over an outage): recorded Missed and never
        // sent hours late, as the fan-out records an occurrence it fires too late for. Its day is then stored Missed by the
        // same rule, when the slot next fires. Measured from its due time, which a retry moves on.
        var late = time.GetUtcNow() - delivery.DueAt;
        if (late > options.Value.MisfireGrace)
        {
            metrics.RemindersLate.Add(1, new KeyValuePair<string, object?>("platform", delivery.Chat.Platform), new KeyValuePair<string, object?>("outcome", "missed"));
            return Outcome(delivery, DeliveryState.Missed, delivery.Attempts, $"too late to send: due {delivery.DueAt:u}, picked up {late.TotalMinutes:0} min late", null);
        }

        if (await reachability.FindUnreachableReasonAsync(delivery.Chat, cancellationToken) is { } unreachable)
        {
            return await PauseAsync(delivery, subscription, attempts, unreachable, cancellationToken);
        }

        var reply = contents.For(subscription.Kind).Render(delivery, subscription);
        var chat = delivery.Chat;
        var request = SendRequest.Unprompted;
        var deduplicates = platforms.DeduplicatesRepeats(chat.Platform);
        for (var freeRetries = 0; ; freeRetries++)
        {
            SendReport report;
            try
            {
                report = await platforms.SendAsync(chat, reply, request, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Adapters report refusals; an exception is a bug, and it may have struck after the request left.
                LogSendFailed(ex, delivery.Id, attempts);
                report = new SendReport(SendOutcome.Unknown, ex.Message);
            }

            if (report.Outcome == SendOutcome.Sent)
            {
                return Outcome(delivery, DeliveryState.Sent, attempts, null, null);
            }

            var next = SendPolicy.Next(report, request, attempts, deduplicates, MaxBackoff);
            switch (report.Outcome)
            {
                case SendOutcome.Unreachable:
                    await reachability.ReportUnreachableAsync(chat, report.Detail, cancellationToken);
                    return await PauseAsync(delivery, subscription, attempts, report.Detail, cancellationToken);
                case SendOutcome.Unknown when next is null:
                    // It may have been posted, and the platform cannot tell a repeat: recorded, never sent again.
                    metrics.SendsUnconfirmed.Add(1, new KeyValuePair<string, object?>("platform", chat.Platform), new KeyValuePair<string, object?>("owner", "reminder"));
                    return Outcome(delivery, DeliveryState.SentUnconfirmed, attempts, report.Detail, null);
            }

            if (next is null)
            {
                return Outcome(delivery, DeliveryState.Failed, attempts, $"{report.Outcome}: {report.Detail}", null);
            }

            if (next.MovedTo is { } moved)
            {
                await migrations.MoveAsync(chat, moved, cancellationToken);
                chat = moved with { ThreadId = chat.ThreadId };
            }

            if (!next.SpendsAttempt && next.Delay == TimeSpan.Zero && freeRetries < MaxImmediateRetries)
            {
                request = next.Request;
                continue;
            }

            if (!next.SpendsAttempt)
            {
                // A rate limit is not the delivery's fault: it waits as asked without spending an attempt.
                return Outcome(delivery, DeliveryState.Pending, delivery.Attempts, report.Detail, time.GetUtcNow() + next.Delay)
                    with
                { RateLimitWait = report.Outcome == SendOutcome.RateLimited ? next.Delay : null };
            }

            var giveUp = attempts >= options.Value.MaxAttempts;
            return Outcome(delivery, giveUp ? DeliveryState.Failed : DeliveryState.Pending, attempts, $"{report.Outcome}: {report.Detail}", giveUp ? null : time.GetUtcNow() + next.Delay);
        }
    }

    private DeliveryOutcome Outcome(Delivery delivery, DeliveryState state, int attempts, string? reason, DateTimeOffset? retryAt)
    {
        var platform = new KeyValuePair<string, object?>("platform", delivery.Chat.Platform);
        switch (state)
        {
            case DeliveryState.Sent:
                metrics.RemindersSent.Add(1, platform);
                break;
            case DeliveryState.Failed:
                metrics.RemindersFailed.Add(1, platform);
                break;
            case DeliveryState.Pending when retryAt is not null && attempts == delivery.Attempts:
                metrics.RecordRateLimitWait(delivery.Chat.Platform, "delivery", retryAt.Value - time.GetUtcNow());
                break;
        }

        return new(delivery.Id, state, attempts, reason, time.GetUtcNow(), retryAt);
    }

    private async Task<DeliveryOutcome> PauseAsync(Delivery delivery, ReminderSubscription subscription, int attempts, string reason, CancellationToken cancellationToken)
    {
        // A tip-of-the-day schedule is disabled the same way; its moderators see why in /tips. A finished one stays finished.
        if (subscription.State != ReminderState.Finished)
        {
            await reminders.UpdateStateAsync(subscription.Id, ReminderState.Paused, null, "chat unreachable: " + reason, cancellationToken);
        }

        LogPaused(subscription.Id, reason);
        return Outcome(delivery, DeliveryState.Failed, attempts, "chat unreachable: " + reason, null);
    }

    private static TimeSpan ReleaseInterval(TimeSpan claimTimeout) =>
        TimeSpan.FromTicks(Math.Clamp(claimTimeout.Ticks / 2, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));


    /// <summary>A batch claimed at <see cref="At"/> (its rows' <c>claimed_at</c>), and how many of its deliveries this sender still holds.</summary>
    private sealed class Claim(DateTimeOffset at, int held)
    {
        public DateTimeOffset At { get; } = at;

        public int Held { get; set; } = held;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder delivery {Id} failed (attempt {Attempts})")]
    private partial void LogSendFailed(Exception exception, long id, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id} paused: chat unreachable ({Reason})")]
    private partial void LogPaused(long id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} reminder deliveries claimed by this bot's previous process; they are sent now")]
    private partial void LogReleasedAtStart(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {Count} reminder delivery outcomes failed; trying again at the end of the batch")]
    private partial void LogRecordFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder sender loop failed; retrying")]
    private partial void LogLoopFailed(Exception exception);
}
