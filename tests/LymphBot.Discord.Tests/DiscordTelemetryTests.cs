using System.Diagnostics.Metrics;
using LymphBot.Core.Chat;
using LymphBot.Core.Questions;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LymphBot.Discord.Tests;

/// <summary>What operators see of the adapter: REST responses, gateway reconnects, queue depths; channel ids in log scopes.</summary>
public sealed class DiscordTelemetryTests
{
    [Fact]
    public async Task Rest_CountsResponsesByRouteTemplateStatusAndDiscordErrorCode()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.RefuseChannelRequests(403, 50007, "Cannot send messages to this user");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        using var responses = Collect<long>(bot, "lymphbot.platform.responses");

        Assert.Equal(SendOutcome.Unreachable, (await bot.Platform.SendAsync(new ChatAddress("discord", "user:777"), new Reply("hi"), SendRequest.Unprompted, CancellationToken.None)).Outcome);

        var calls = responses.GetMeasurementSnapshot().Select(m => (m.Tags["operation"], m.Tags["http.response.status_code"], m.Tags.GetValueOrDefault("error.code"))).ToList();
        Assert.Equal(
            [("POST /users/@me/channels", (object?)200, (object?)null), ("POST /channels/{channel}/messages", 403, "50007")],
            calls);
    }

    [Fact]
    public async Task Gateway_CountsSessionsAndReconnectsByMode()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        using var reconnects = Collect<long>(bot, "lymphbot.gateway.reconnects");
        using var sessions = Collect<long>(bot, "lymphbot.gateway.sessions");
        var first = await discord.AcceptIdentifiedAsync();
        await first.DispatchAsync("TYPING_START", 3, "{}");

        await first.SendAsync("""{"op": 7, "d": null}""");
        var second = await discord.NextConnectionAsync();
        await second.HelloAsync(45_000);
        await second.ExpectAsync(6);
        await second.DispatchAsync("RESUMED", 4, "{}");
        await bot.WaitForStateAsync(DiscordState.Connected);

        Assert.Equal(["resume"], reconnects.GetMeasurementSnapshot().Select(m => m.Tags["mode"]));
        Assert.Equal(["ready", "resumed"], sessions.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]));
    }

    [Fact]
    public async Task Events_QueueDepthCountsUnhandledEvents_AndHandlingLogsCarryTheChannelScope()
    {
        var answerer = new GatedAnswerer();
        await using var discord = await StandInDiscord.StartAsync();
        discord.RefuseChannelRequests(403, 50001, "Missing Access");
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<IQuestionAnswerer>(answerer));
        using var depth = Collect<long>(bot, "lymphbot.queue.depth");
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("MESSAGE_CREATE", 2, Payloads.DirectMessage("first", messageId: "500000000000000011"));
        await gateway.DispatchAsync("MESSAGE_CREATE", 3, Payloads.DirectMessage("second", messageId: "500000000000000012"));
        await WaitForDepthAsync(depth, 2);
        answerer.Release();
        await WaitForDepthAsync(depth, 0);

        await bot.Logs.WaitForAsync(e => e.Text.Contains("is unreachable", StringComparison.Ordinal));
        var failure = bot.Logs.Entries.First(e => e.Text.Contains("is unreachable", StringComparison.Ordinal));
        Assert.Contains("=> discord chat " + Payloads.DmChannelId, failure.Text, StringComparison.Ordinal);
    }

    private static MetricCollector<T> Collect<T>(DiscordHarness bot, string instrument)
        where T : struct => new(bot.Get<IMeterFactory>(), LymphBotMetrics.MeterName, instrument);

    private static async Task WaitForDepthAsync(MetricCollector<long> collector, long expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            collector.RecordObservableInstruments();
            if (collector.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags["queue"], "events"))?.Value == expected)
            {
                return;
            }

            await Task.Delay(10, timeout.Token);
        }
    }
}
