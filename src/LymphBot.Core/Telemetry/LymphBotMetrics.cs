using System.Diagnostics.Metrics;

namespace LymphBot.Core.Telemetry;

/// <summary>
/// The bot's own instruments, on the <c>LymphBot</c> meter with OpenTelemetry-style names (<c>lymphbot.*</c>); the
/// host exports them at <c>/metrics</c>.
/// </summary>
public sealed class LymphBotMetrics : IDisposable
{
    public const string MeterName = "LymphBot";

    private readonly Meter _meter;

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
        RateLimitWaits = _meter.CreateCounter<long>("lymphbot.rate_limit.waits", "{wait}", "Sends postponed because a platform asked to slow down, by platform");
        OutboxClaimed = _meter.CreateHistogram<long>("lymphbot.outbox.batch_size", "{delivery}", "Deliveries claimed per sender batch (outbox depth as seen by the sender)");
    }

    public Counter<long> Questions { get; }

    public Histogram<double> AnswerDuration { get; }

    public Counter<long> RemindersDue { get; }

    public Counter<long> RemindersLate { get; }

    public Counter<long> RemindersSent { get; }

    public Counter<long> RemindersFailed { get; }

    public Counter<long> RateLimitWaits { get; }

    public Histogram<long> OutboxClaimed { get; }

    public void Dispose() => _meter.Dispose();
}
