using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Telegram.Tests.Receiving;

public sealed class TelegramOffsetTests
{
    [Fact]
    public async Task Restart_AfterStop_NeitherReplaysNorSkipsUpdates()
    {
        await using var standIn = await TelegramStandIn.StartAsync();
        var first = await TelegramTestHost.StartAsync(standIn);
        standIn.EnqueueUpdate(TestUpdates.PrivateText(3001, "one"));
        standIn.EnqueueUpdate(TestUpdates.PrivateText(3002, "two"));
        await standIn.WaitUntilAsync(s => s.Sent(3001).Count == 1 && s.Sent(3002).Count == 1);

        await first.DisposeAsync();
        var confirmed = standIn.ConfirmedOffset;
        standIn.EnqueueUpdate(TestUpdates.PrivateText(3003, "three, while the bot was down"));
        await using var second = await TelegramTestHost.StartAsync(standIn);
        await standIn.WaitUntilAsync(s => s.Sent(3003).Count == 1);
        standIn.EnqueueUpdate(TestUpdates.PrivateText(3004, "four"));
        await standIn.WaitUntilAsync(s => s.Sent(3004).Count == 1);

        Assert.True(confirmed > 0, "stopping confirmed the handled updates");
        Assert.Single(standIn.Sent(3001));
        Assert.Single(standIn.Sent(3002));
        Assert.Single(standIn.Sent(3003));
    }

    [Fact]
    public async Task Stop_WhileAnswerIsInProgress_FinishesTheAnswerFirst()
    {
        await using var standIn = await TelegramStandIn.StartAsync();
        var answerer = new TestAnswerer();
        var gate = answerer.Hold("slow");
        var first = await TelegramTestHost.StartAsync(standIn, answerer: answerer);
        var id = standIn.EnqueueUpdate(TestUpdates.PrivateText(3005, "slow"));
        await standIn.WaitUntilAsync(s => s.ConfirmedOffset > id || s.Calls("getUpdates").Count >= 2);

        var stopping = first.DisposeAsync().AsTask();
        gate.SetResult();
        await stopping;

        Assert.Single(standIn.Sent(3005));
        Assert.Equal(id + 1, standIn.ConfirmedOffset);
    }

    [Fact]
    public async Task Poll_ServerSendsMoreUpdatesThanTheLimit_NoneIsDropped()
    {
        await using var standIn = await TelegramStandIn.StartAsync();
        standIn.IgnoreLimit = true;
        var answerer = new TestAnswerer();
        var gates = Enumerable.Range(0, 5).Select(i => answerer.Hold($"question {i}")).ToList();
        for (var i = 0; i < 5; i++)
        {
            standIn.EnqueueUpdate(TestUpdates.PrivateText(3101 + i, $"question {i}"));
        }

        // Room for two: the first getUpdates asks for two and gets all five.
        await using var bot = await TelegramTestHost.StartAsync(
            standIn, answerer: answerer, settings: new Dictionary<string, string?> { ["Telegram:MaxQueuedUpdates"] = "2" });
        var dispatcher = bot.App.Services.GetRequiredService<TelegramUpdateDispatcher>();
        await bot.Clock.AdvanceUntilAsync(() => standIn.Calls("getUpdates").Count >= 1 && dispatcher.Pending == 2, () => standIn.Changed);
        Assert.Equal(2, standIn.Calls("getUpdates")[0].Body["limit"]?.GetValue<int>());

        gates.ForEach(g => g.SetResult());
        await bot.Clock.AdvanceUntilAsync(() => Enumerable.Range(3101, 5).All(chat => standIn.Sent(chat).Count == 1), () => standIn.Changed);

        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(TestAnswerer.RenderedAnswer($"question {i}"), standIn.Sent(3101 + i)[0].Text));
    }

    [Fact]
    public async Task Poll_ServerIgnoresTheLongPollTimeout_EmptyPollsAreSpacedByMinPollInterval()
    {
        await using var standIn = await TelegramStandIn.StartAsync();
        standIn.IgnoreTimeout = true;
        await using var bot = await TelegramTestHost.StartAsync(standIn);

        // Ten seconds of the test clock; without spacing, empty answers come back at once and the calls pile up.
        await bot.Clock.AdvanceUntilAsync(() => bot.Clock.Elapsed >= TimeSpan.FromSeconds(10) || standIn.Calls("getUpdates").Count >= 100, () => standIn.Changed);

        Assert.InRange(standIn.Calls("getUpdates").Count, 10, 12);
        standIn.EnqueueUpdate(TestUpdates.PrivateText(3201, "an update still comes through"));
        await bot.Clock.AdvanceUntilAsync(() => standIn.Sent(3201).Count == 1, () => standIn.Changed);
        Assert.Equal(TestAnswerer.RenderedAnswer("an update still comes through"), standIn.Sent(3201)[0].Text);
    }

    [Fact]
    public async Task Stop_WithAnUnreadableUpdateNextInLine_ConfirmsWithoutReportingAFailure()
    {
        await using var standIn = await TelegramStandIn.StartAsync();
        var answerer = new TestAnswerer();
        var gate = answerer.Hold("slow");
        var bot = await TelegramTestHost.StartAsync(
            standIn, answerer: answerer, settings: new Dictionary<string, string?> { ["Telegram:MaxQueuedUpdates"] = "1" });
        var dispatcher = bot.App.Services.GetRequiredService<TelegramUpdateDispatcher>();
        var id = standIn.EnqueueUpdate(TestUpdates.PrivateText(3301, "slow"));
        await bot.Clock.AdvanceUntilAsync(() => dispatcher.Pending == 1, () => standIn.Changed);

        // The queue is full, so polling waits and the next update is still with the server when the bot stops.
        standIn.EnqueueRaw(MalformedUpdates.Make("unknown member status").Json);
        var stopping = bot.DisposeAsync().AsTask();
        gate.SetResult();
        await stopping;

        Assert.Single(standIn.Sent(3301));
        Assert.Equal(id + 1, standIn.ConfirmedOffset);
        Assert.DoesNotContain("Confirming the last Telegram updates at stop failed", bot.Logs.AllText, StringComparison.Ordinal);
    }
}
