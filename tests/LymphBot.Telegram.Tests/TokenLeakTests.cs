using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;

namespace LymphBot.Telegram.Tests;

public sealed class TokenLeakTests
{
    [Fact]
    public async Task Run_WithFailuresAtTraceLevel_NeverLogsTheToken()
    {
        var logs = new CapturingLoggerProvider();
        await using (var standIn = await TelegramStandIn.StartAsync())
        {
            await using var bot = await TelegramTestHost.StartAsync(standIn, logs: logs);
            standIn.Fail("sendMessage", StandInFailure.Blocked(), chatId: 5001);
            standIn.Fail("sendMessage", StandInFailure.BadGateway(), chatId: 5002);
            standIn.EnqueueUpdate(TestUpdates.PrivateText(5001, "blocked?"));
            standIn.EnqueueUpdate(TestUpdates.PrivateText(5002, "flaky?"));
            standIn.EnqueueUpdate(TestUpdates.PrivateText(5003, "fine?"));
            await bot.Clock.AdvanceUntilAsync(() => standIn.Sent(5002).Count == 1 && standIn.Sent(5003).Count == 1 && bot.Reachability.Unreachable.Count == 1, () => standIn.Changed);

            // And a network failure: the server goes away under the poller.
            await standIn.StopAsync();
            await bot.Clock.AdvanceUntilAsync(() => logs.AllText.Contains("Polling Telegram failed", StringComparison.Ordinal));
        }

        var text = logs.AllText;
        Assert.Contains("Telegram bot @LymphTestBot started", text, StringComparison.Ordinal);
        Assert.Contains("blocked", text, StringComparison.Ordinal);
        Assert.Contains("Debug ", text, StringComparison.Ordinal); // below Information is captured too
        Assert.DoesNotContain(TelegramStandIn.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramStandIn.Token.Split(':')[1], text, StringComparison.Ordinal);
    }
}
