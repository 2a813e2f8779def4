using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LymphBot.Core.Telemetry;

/// <summary>
/// The bot's own instruments, on the <c>LymphBot</c> meter with OpenTelemetry-style names (<c>lymphbot.*</c>); the
/// host exports them at <c>/metrics</c>. One instance per container, so the queues it observes die with their host.
/// </summary>
public sealed class LymphBotMetrics : IDisposable
{
    public const string MeterName = "LymphBot";

    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private readonly List<ObservedQueue> _queues = [];

    public LymphBotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        Questions = _meter.CreateCounter<long>("lymphbot.questions", "{question}", "Questions answered, by answer kind");
        AnswerDuration = _meter.CreateHistogram<double>("lymphbot.answer.duration", "s", "Time to answer a question");
        RemindersDue = _meter.CreateCounter<long>("lymphbot.reminders.due", "{reminder}", "Reminder occurrences written to the outbox, by platform");
        RemindersLate = _meter.CreateCounter<long>("lymphbot.reminders.late", "{reminder}", "Occurrences fired late after downtime, by outcome (delivered late or missed)");
        RemindersSent = _meter.CreateCounter<long>("lymphbot.reminders.sent", "{reminder}", "Reminder deliveries sent, by platform");
        RemindersFailed = _meter.CreateCounter<long>("lymphbot.reminders.failed", "{reminder}", "Reminder deliveries that failed, by platform and reason class");
        RateLimitWaits = _meter.CreateCounter<long>("lymphbot.rate_limit.waits", "{wait}", "Waits because a platform asked to slow down, by platform and scope");
        RateLimitWaitTime = _meter.CreateHistogram<double>("lymphbot.rate_limit.wait_time", "s", "How long a platform asked us to wait, by platform and scope");
        OutboxClaimed = _meter.CreateHistogram<long>("lymphbot.outbox.batch_size", "{delivery}", "Deliveries claimed per sender batch (outbox depth as seen by the sender)");
        PlatformResponses = _meter.CreateCounter<long>("lymphbot.platform.responses", "{response}", "Platform API calls, by platform, operation, HTTP status, and the platform's error code or the transport error");
        GatewayReconnects = _meter.CreateCounter<long>("lymphbot.gateway.reconnects", "{reconnect}", "Gateway reconnects, by platform and mode (resume or identify)");
        GatewaySessions = _meter.CreateCounter<long>("lymphbot.gateway.sessions", "{session}", "Gateway sessions started, by platform and outcome (ready after identify, resumed)");
        SendsUnconfirmed = _meter.CreateCounter<long>("lymphbot.sends.unconfirmed", "{message}", "Messages whose send timed out after the request left, on a platform without idempotency keys: perhaps posted, never repeated; by platform and owner (reply or reminder)");
        UpdatesSkipped = _meter.CreateCounter<long>("lymphbot.updates.skipped", "{update}", "Incoming platform updates skipped because they could not be read or mapped, by platform and reason");
        _meter.CreateObservableGauge("lymphbot.queue.depth", ObserveQueues, "{item}", "Work waiting in the bot's in-memory queues, by platform and queue");
    }

    public Counter<long> Questions { get; }

    public Histogram<double> AnswerDuration { get; }

    public Counter<long> RemindersDue { get; }

    public Counter<long> RemindersLate { get; }

    public Counter<long> RemindersSent { get; }

    public Counter<long> RemindersFailed { get; }

    public Counter<long> RateLimitWaits { get; }

    public Histogram<double> RateLimitWaitTime { get; }

    public Histogram<long> OutboxClaimed { get; }

    public Counter<long> PlatformResponses { get; }

    public Counter<long> GatewayReconnects { get; }

    public Counter<long> GatewaySessions { get; }

    public Counter<long> UpdatesSkipped { get; }

    public Counter<long> SendsUnconfirmed { get; }

    /// <summary>
    /// Records one platform API call. <paramref name="statusCode"/> is null when no response came (then
    /// <paramref name="error"/> names the transport failure); otherwise <paramref name="error"/> is the platform's own
    /// error code, if it gave one. <paramref name="operation"/> must be a method or route template, never a path:
    /// paths can carry tokens.
    /// </summary>
    public void RecordPlatformResponse(string platform, string operation, int? statusCode, string? error = null)
    {
        var tags = new TagList
        {
            { "platform", platform },
            { "operation", operation },
        };
        if (statusCode is { } status)
        {
            tags.Add("http.response.status_code", status);
        }

        if (error is not null)
        {
            tags.Add(statusCode is null ? "error.type" : "error.code", error);
        }

        PlatformResponses.Add(1, tags);
    }

    /// <summary>A platform said "slow down" (HTTP 429 or its like) and the bot waits <paramref name="wait"/>.</summary>
    public void RecordRateLimitWait(string platform, string scope, TimeSpan wait)
    {
        var tags = new TagList
        {
            { "platform", platform },
            { "scope", scope },
        };
        RateLimitWaits.Add(1, tags);
        RateLimitWaitTime.Record(wait.TotalSeconds, tags);
    }

    /// <summary>
    /// An incoming update was skipped so that intake goes on: <paramref name="reason"/> is <c>malformed</c> (the update
    /// could not be read) or <c>unmappable</c> (reading worked, mapping it failed).
    /// </summary>
    public void RecordUpdateSkipped(string platform, string reason) =>
        UpdatesSkipped.Add(1, new TagList { { "platform", platform }, { "reason", reason } });

    /// <summary>
    /// Reports <paramref name="depth"/> as <c>lymphbot.queue.depth{platform, queue}</c> at every collection until the
    /// returned handle is disposed.
    /// </summary>
    public IDisposable TrackQueue(string platform, string queue, Func<long> depth)
    {
        var observed = new ObservedQueue(this, platform, queue, depth);
        lock (_gate)
        {
            _queues.Add(observed);
        }

        return observed;
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveQueues()
    {
        ObservedQueue[] queues;
        lock (_gate)
        {
            queues = [.. _queues];
        }

        return queues.Select(q => new Measurement<long>(q.Depth(), new KeyValuePair<string, object?>("platform", q.Platform), new KeyValuePair<string, object?>("queue", q.Queue)));
    }

    private void Untrack(ObservedQueue queue)
    {
        lock (_gate)
        {
            _queues.Remove(queue);
        }
    }

    private sealed class ObservedQueue(LymphBotMetrics owner, string platform, string queue, Func<long> depth) : IDisposable
    {
        public string Platform => platform;

        public string Queue => queue;

        public long Depth() => depth();

        public void Dispose() => owner.Untrack(this);
    }
}
