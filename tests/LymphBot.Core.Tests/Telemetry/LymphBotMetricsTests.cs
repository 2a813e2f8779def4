using System.Diagnostics.Metrics;
using LymphBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LymphBot.Core.Tests.Telemetry;

public sealed class LymphBotMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly LymphBotMetrics _metrics;

    public LymphBotMetricsTests()
    {
        _metrics = new LymphBotMetrics(Meters);
    }

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public void TrackQueue_ReportsCurrentDepthAtEachCollection_UntilDisposed()
    {
        using var collector = new MetricCollector<long>(Meters, LymphBotMetrics.MeterName, "lymphbot.queue.depth");
        var depth = 3;
        var tracked = _metrics.TrackQueue("telegram", "updates", () => depth);

        collector.RecordObservableInstruments();
        depth = 7;
        collector.RecordObservableInstruments();
        tracked.Dispose();
        collector.RecordObservableInstruments();

        var values = collector.GetMeasurementSnapshot().Select(m => (m.Value, m.Tags["platform"], m.Tags["queue"])).ToList();
        Assert.Equal([(3L, (object?)"telegram", (object?)"updates"), (7L, "telegram", "updates")], values);
    }

    [Fact]
    public void RecordPlatformResponse_TagsStatusAndPlatformErrorCode_OrTheTransportError()
    {
        using var collector = new MetricCollector<long>(Meters, LymphBotMetrics.MeterName, "lymphbot.platform.responses");

        _metrics.RecordPlatformResponse("discord", "POST /channels/{channel}/messages", 403, "50007");
        _metrics.RecordPlatformResponse("telegram", "sendMessage", null, "HttpRequestException");

        var (refused, unreachable) = (collector.GetMeasurementSnapshot()[0], collector.GetMeasurementSnapshot()[1]);
        Assert.Equal(403, refused.Tags["http.response.status_code"]);
        Assert.Equal("50007", refused.Tags["error.code"]);
        Assert.Equal("POST /channels/{channel}/messages", refused.Tags["operation"]);
        Assert.False(unreachable.Tags.ContainsKey("http.response.status_code"));
        Assert.Equal("HttpRequestException", unreachable.Tags["error.type"]);
    }

    [Fact]
    public void RecordRateLimitWait_CountsTheWaitAndRecordsHowLong()
    {
        using var waits = new MetricCollector<long>(Meters, LymphBotMetrics.MeterName, "lymphbot.rate_limit.waits");
        using var time = new MetricCollector<double>(Meters, LymphBotMetrics.MeterName, "lymphbot.rate_limit.wait_time");

        _metrics.RecordRateLimitWait("telegram", "bot", TimeSpan.FromSeconds(12));

        Assert.Equal("bot", waits.LastMeasurement?.Tags["scope"]);
        Assert.Equal(12, time.LastMeasurement?.Value);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }
}
