using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LymphBot.Telegram.Tests.Receiving;

/// <summary>Hostile and broken updates against the stand-in: one bad update never stops intake.</summary>
public sealed class TelegramIntakeTests : StandInConversation
{
    public static TheoryData<string> Unmappable => ["message without chat", "callback without from"];

    [Theory]
    [MemberData(nameof(Unmappable))]
    public async Task Poll_UpdateThatCannotBeMapped_IsLoggedWithItsIdAndSkipped_NextQuestionIsAnswered(string kind)
    {
        using var skipped = new MetricCollector<long>(Bot.App.Services.GetRequiredService<IMeterFactory>(), LymphBotMetrics.MeterName, "lymphbot.updates.skipped");
        var badId = StandIn.EnqueueUpdate(UnmappableUpdate(kind));
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(5002, "still there?"));

        await StandIn.WaitUntilAsync(s => s.Sent(5002).Count == 1);

        Assert.Equal(TestAnswerer.RenderedAnswer("still there?"), StandIn.Sent(5002)[0].Text);
        Assert.Contains(Bot.Logs.Entries, e => e.Contains($"Telegram update {badId}", StringComparison.Ordinal));
        Assert.True(Bot.App.Services.GetRequiredService<TelegramStatus>().Check().Ready);
        var count = Assert.Single(skipped.GetMeasurementSnapshot());
        Assert.Equal(("telegram", "unmappable"), (count.Tags["platform"], count.Tags["reason"]));
    }

    internal static JsonObject UnmappableUpdate(string kind)
    {
        switch (kind)
        {
            case "message without chat":
                var message = TestUpdates.PrivateText(5001, "no chat");
                message["message"]!.AsObject().Remove("chat");
                return message;
            case "callback without from":
                // A button under an inline-mode message has no message either: nothing left to name the chat.
                var callback = TestUpdates.Callback(5001, 5001, "more:1");
                callback["callback_query"]!.AsObject().Remove("from");
                callback["callback_query"]!.AsObject().Remove("message");
                return callback;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
