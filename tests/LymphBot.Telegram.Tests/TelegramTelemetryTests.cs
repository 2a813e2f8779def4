using System.Diagnostics.Metrics;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LymphBot.Telegram.Tests;

/// <summary>What operators see of the adapter: Bot API responses, 429 waits and queue depths as metrics; chat ids in log scopes.</summary>
public sealed class TelegramTelemetryTests : StandInConversation
{
    private IMeterFactory Meters => Bot.App.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Sends_CountBotApiResponsesByMethodAndStatus_And429sAsRateLimitWaits()
    {
        using var responses = new MetricCollector<long>(Meters, LymphBotMetrics.MeterName, "lymphbot.platform.responses");
        using var waits = new MetricCollector<double>(Meters, LymphBotMetrics.MeterName, "lymphbot.rate_limit.wait_time");
        StandIn.Fail("sendMessage", StandInFailure.TooManyRequests(3), chatId: 3001);
        StandIn.Fail("sendMessage", StandInFailure.Blocked(), chatId: 3002);

        var sender = Bot.App.Services.GetRequiredService<ReplySender>();
        var limited = sender.SendAsync(new ChatAddress("telegram", "3001"), Reply.Plain("hi"), SendRequest.Unprompted, Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => limited.IsCompleted, () => StandIn.Changed);
        Assert.Equal(SendOutcome.Sent, (await limited).Outcome);
        Assert.Equal(SendOutcome.Unreachable, (await Bot.Platform.SendAsync(new ChatAddress("telegram", "3002"), Reply.Plain("hi"), SendRequest.Unprompted, CancellationToken.None)).Outcome);

        var sendMessage = responses.GetMeasurementSnapshot()
            .Where(m => Equals(m.Tags["operation"], "sendMessage"))
            .Select(m => m.Tags["http.response.status_code"])
            .ToList();
        Assert.Equal([429, 200, 403], sendMessage);
        Assert.All(responses.GetMeasurementSnapshot(), m => Assert.Equal("telegram", m.Tags["platform"]));
        Assert.DoesNotContain(responses.GetMeasurementSnapshot(), m => m.Tags["operation"]?.ToString()?.Contains(TelegramStandIn.Token, StringComparison.Ordinal) == true);
        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal((3d, "bot"), (wait.Value, wait.Tags["scope"]));
    }

    [Fact]
    public async Task QueueDepth_ShowsUpdatesWaitingBehindASlowAnswer_ThenDrains()
    {
        using var depth = new MetricCollector<long>(Meters, LymphBotMetrics.MeterName, "lymphbot.queue.depth");
        var slow = Bot.Answerer.Hold("slow question");
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(3003, "slow question"));
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(3003, "second question"));

        await WaitForDepthAsync(depth, "updates", 2);
        slow.SetResult();
        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Sent(3003).Count == 2, () => StandIn.Changed);

        await WaitForDepthAsync(depth, "updates", 0);
        depth.RecordObservableInstruments();
        Assert.Contains(depth.GetMeasurementSnapshot(), m => Equals(m.Tags["queue"], "sends") && m.Value == 0);
    }

    [Fact]
    public async Task HandlingAnUpdate_LogsCarryThePlatformAndChatIdScope()
    {
        StandIn.Fail("sendMessage", StandInFailure.Blocked(), chatId: 3004);
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(3004, "hello"));

        await StandIn.WaitUntilAsync(s => s.Calls("sendMessage", "3004").Count == 1);
        await Bot.Clock.AdvanceUntilAsync(() => Bot.Logs.Entries.Any(e => e.Contains("Chat telegram:3004 is unreachable", StringComparison.Ordinal)), () => StandIn.Changed);

        var failure = Bot.Logs.Entries.First(e => e.Contains("Chat telegram:3004 is unreachable", StringComparison.Ordinal));
        Assert.Contains("=> telegram chat 3004", failure, StringComparison.Ordinal);
    }

    private static async Task WaitForDepthAsync(MetricCollector<long> collector, string queue, long expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            collector.RecordObservableInstruments();
            if (collector.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags["queue"], queue))?.Value == expected)
            {
                return;
            }

            await Task.Delay(10, timeout.Token);
        }
    }
}
