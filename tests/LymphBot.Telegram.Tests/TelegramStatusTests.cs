using LymphBot.Core.Chat;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Telegram.Tests;

/// <summary>The adapter's readiness, as the host's /readyz reads it: connected only while updates can arrive.</summary>
public sealed class TelegramStatusTests
{
    [Fact]
    public async Task Polling_ReadyOnceStarted_NotReadyWhilePollingFails_ReadyAgainAfter()
    {
        var clock = new TestClock();
        await using var standIn = await TelegramStandIn.StartAsync(clock);
        await using var bot = await TelegramTestHost.StartAsync(standIn, clock);
        var status = Status(bot);
        await standIn.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);
        Assert.Equal((true, "connected (polling)"), status.Check());

        standIn.Fail("getUpdates", StandInFailure.BadGateway(), times: 2);
        standIn.EnqueueUpdate(TestUpdates.PrivateText(4001, "ends the pending long poll"));
        await bot.Clock.AdvanceUntilAsync(() => !status.Check().Ready, () => standIn.Changed);
        Assert.StartsWith("getUpdates failing (1 time)", status.Check().Detail, StringComparison.Ordinal);

        standIn.EnqueueUpdate(TestUpdates.PrivateText(4002, "ends the next long poll"));
        await bot.Clock.AdvanceUntilAsync(() => status.Check().Ready && standIn.Sent(4001).Count + standIn.Sent(4002).Count == 2, () => standIn.Changed);
        Assert.Equal("connected (polling)", status.Check().Detail);
    }

    [Fact]
    public async Task Polling_LoopFailsUnexpectedly_LoggedAndNotReady_ThenRestartsAndAnswers()
    {
        var clock = new TestClock();
        await using var standIn = await TelegramStandIn.StartAsync(clock);
        await using var bot = await TelegramTestHost.StartAsync(standIn, clock);
        var status = Status(bot);
        await standIn.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);

        // The poll after the next one fails, and waiting out its backoff hits a defect that escapes the loop.
        standIn.Fail("getUpdates", StandInFailure.BadGateway());
        clock.FailNextTimer(new InvalidOperationException("a defect in the loop"));
        standIn.EnqueueUpdate(TestUpdates.PrivateText(4101, "ends the pending long poll"));
        await bot.Clock.AdvanceUntilAsync(() => status.Check().Detail.StartsWith("polling failing", StringComparison.Ordinal), () => standIn.Changed);

        Assert.False(status.Check().Ready);
        Assert.Contains(bot.Logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) && e.Contains("Telegram polling stopped (InvalidOperationException)", StringComparison.Ordinal));

        standIn.EnqueueUpdate(TestUpdates.PrivateText(4102, "after the restart"));
        await bot.Clock.AdvanceUntilAsync(() => standIn.Sent(4102).Count == 1 && status.Check().Ready, () => standIn.Changed);
        Assert.Equal("connected (polling)", status.Check().Detail);
    }

    [Fact]
    public async Task Start_GetMeRefused_NotReadyNamingTheCall()
    {
        var clock = new TestClock();
        await using var standIn = await TelegramStandIn.StartAsync(clock);
        standIn.Fail("getMe", StandInFailure.InternalError(), times: 100);
        await using var bot = await TelegramTestHost.StartAsync(standIn, clock);

        await standIn.WaitUntilAsync(s => s.Calls("getMe").Count >= 1);
        await bot.Clock.AdvanceUntilAsync(() => Status(bot).Check().Detail != "starting", () => standIn.Changed);

        var (ready, detail) = Status(bot).Check();
        Assert.False(ready);
        Assert.StartsWith("getMe failing (1 time)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_ReadyOnceTheWebhookIsRegistered()
    {
        var clock = new TestClock();
        await using var standIn = await TelegramStandIn.StartAsync(clock);
        await using var bot = await TelegramTestHost.StartAsync(standIn, clock, new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:WebhookSecret"] = "status-test-secret",
        });

        await standIn.WaitUntilAsync(s => s.Calls("setWebhook").Count == 1);
        await bot.Clock.AdvanceUntilAsync(() => Status(bot).Check().Ready, () => standIn.Changed);

        Assert.Equal("connected (webhook)", Status(bot).Check().Detail);
        Assert.Contains(bot.App.Services.GetServices<IPlatformHealth>(), h => h.Name == "telegram");
    }

    private static TelegramStatus Status(TelegramTestHost bot) => bot.App.Services.GetRequiredService<TelegramStatus>();
}
