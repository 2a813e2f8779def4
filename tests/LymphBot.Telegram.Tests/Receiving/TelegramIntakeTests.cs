using System.Diagnostics.Metrics;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Tests.Receiving;

/// <summary>Hostile and broken updates through the real client against the stand-in: one bad update never stops intake.</summary>
public sealed class TelegramIntakeTests : StandInConversation
{
    public static TheoryData<string> Kinds => MalformedUpdates.Kinds;

    private MetricCollector<long> SkippedUpdates() =>
        new(Bot.App.Services.GetRequiredService<IMeterFactory>(), LymphBotMetrics.MeterName, "lymphbot.updates.skipped");

    [Fact]
    public async Task Poll_EveryMalformedKindThenAQuestion_TheQuestionIsAnswered()
    {
        using var skipped = SkippedUpdates();
        foreach (var kind in MalformedUpdates.AllKinds)
        {
            var (json, withId) = MalformedUpdates.Make(kind);
            StandIn.EnqueueRaw(json, withId);
        }

        var question = StandIn.EnqueueUpdate(TestUpdates.PrivateText(6002, "does it help with swelling?"));

        await StandIn.WaitUntilAsync(s => s.Sent(6002).Count == 1 && s.ConfirmedOffset > question);

        Assert.Equal(TestAnswerer.RenderedAnswer("does it help with swelling?"), StandIn.Sent(6002)[0].Text);
        Assert.Equal(0, StandIn.PendingUpdates);
        Assert.Empty(StandIn.Sent(6001));
        var skips = Bot.Logs.Entries.Where(e => e.Contains("Skipped Telegram update", StringComparison.Ordinal)).ToList();
        Assert.Equal(MalformedUpdates.Unreadable, skips.Count);
        Assert.Contains(skips, e => e.Contains("\"status\":\"guest\"", StringComparison.Ordinal));
        Assert.DoesNotContain(MalformedUpdates.PrivateWords, Bot.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramStandIn.Token, Bot.Logs.AllText, StringComparison.Ordinal);
        Assert.Equal(MalformedUpdates.Unreadable, skipped.GetMeasurementSnapshot().Where(m => Equals(m.Tags["reason"], "malformed")).Sum(m => m.Value));
        Assert.DoesNotContain(StandIn.Calls("getUpdates"), r => r.Failed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Poll_MalformedUpdate_SkippedAloneWithItsIdLogged_NextQuestionIsAnswered(string kind)
    {
        var (json, withId) = MalformedUpdates.Make(kind);
        // Together: a malformed update without an id, polled alone, is an empty poll, which the bot spaces out on the
        // test's clock (never advanced here); this test is about the skip, not the spacing.
        var badId = StandIn.EnqueueRawThen(json, withId, TestUpdates.PrivateText(6003, "still there?"));

        await StandIn.WaitUntilAsync(s => s.Sent(6003).Count == 1);

        Assert.Equal(TestAnswerer.RenderedAnswer("still there?"), StandIn.Sent(6003)[0].Text);
        var skip = Bot.Logs.Entries.SingleOrDefault(e => e.Contains("Skipped Telegram update", StringComparison.Ordinal));
        if (MalformedUpdates.IsReadable(kind))
        {
            Assert.Null(skip);
        }
        else
        {
            Assert.NotNull(skip);
            Assert.Contains(withId ? $"Skipped Telegram update {badId}:" : "Skipped Telegram update (no id):", skip, StringComparison.Ordinal);
        }

        Assert.True(Bot.App.Services.GetRequiredService<TelegramStatus>().Check().Ready);
    }

    [Fact]
    public void Accept_UpdateWhoseMappingThrows_IsLoggedWithItsIdCountedAndSkipped()
    {
        using var skipped = SkippedUpdates();
        var intake = Bot.App.Services.GetRequiredService<TelegramUpdateIntake>();

        // Read never lets a message without a chat through; this is the guard behind it, for whatever else may throw.
        var result = intake.Accept(new Update { Id = 6004, Message = new Message() });

        Assert.Equal(TelegramIntakeResult.Skipped, result);
        Assert.Contains(Bot.Logs.Entries, e => e.Contains("Skipped Telegram update 6004: mapping it failed (NullReferenceException)", StringComparison.Ordinal));
        var count = Assert.Single(skipped.GetMeasurementSnapshot());
        Assert.Equal(("telegram", "unmappable"), (count.Tags["platform"], count.Tags["reason"]));
    }
}
