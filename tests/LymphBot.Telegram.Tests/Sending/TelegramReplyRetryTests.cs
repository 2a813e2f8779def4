using LymphBot.Core.Chat;
using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Telegram.Tests.Sending;

/// <summary>
/// Answers to members through a Bot API outage: kept trying for Telegram:ReplyRetryWindow while Telegram surely did
/// not take them, never resent more than before when it may have.
/// </summary>
public sealed class TelegramReplyRetryTests : StandInConversation
{
    private static readonly Reply Hello = new("Hello **there**");

    [Fact]
    public async Task Poll_FiveQuestionsThenATwentySecondOutage_AllAnsweredWhenTelegramIsBack()
    {
        var dispatcher = Bot.App.Services.GetRequiredService<TelegramUpdateDispatcher>();
        var gates = Enumerable.Range(0, 5).Select(i => Bot.Answerer.Hold($"question {i}")).ToList();
        for (var i = 0; i < 5; i++)
        {
            StandIn.EnqueueUpdate(TestUpdates.PrivateText(8001 + i, $"question {i}"));
        }

        await Bot.Clock.AdvanceUntilAsync(() => dispatcher.Pending == 5, () => StandIn.Changed);

        // Half a second after the questions came in, the Bot API goes away for 20 s.
        Bot.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await StandIn.StopAsync();
        var outage = Bot.Clock.GetUtcNow();
        gates.ForEach(g => g.SetResult());
        await Bot.Clock.AdvanceUntilAsync(() => Bot.Clock.GetUtcNow() - outage >= TimeSpan.FromSeconds(20));
        Assert.Equal(5, dispatcher.Pending);

        await StandIn.RestartAsync();
        var back = Bot.Clock.GetUtcNow();
        await Bot.Clock.AdvanceUntilAsync(() => Enumerable.Range(8001, 5).All(chat => StandIn.Sent(chat).Count == 1), () => StandIn.Changed);

        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(TestAnswerer.RenderedAnswer($"question {i}"), StandIn.Sent(8001 + i)[0].Text));
        Assert.All(Enumerable.Range(8001, 5), chat => Assert.InRange(StandIn.Sent(chat)[0].ClockTime!.Value, back, outage + TimeSpan.FromMinutes(2)));

        // Waits stay short within the window, so an answer follows soon after Telegram is back.
        var waits = Bot.Logs.Entries
            .Where(e => e.Contains("Sending to Telegram chat telegram:800", StringComparison.Ordinal))
            .Select(e => double.Parse(e.Split("retrying in ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(waits);
        Assert.All(waits, w => Assert.InRange(w, 1, 10));
        Assert.DoesNotContain("Dropped a reply", Bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReply_OutageLongerThanTheWindow_DroppedAndLoggedWhenTheWindowIsOver()
    {
        await StandIn.StopAsync();
        var receivedAt = Bot.Clock.GetUtcNow();

        var send = Bot.Platform.SendReplyAsync(Address(8101), Hello, null, receivedAt, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted);
        var error = await Assert.ThrowsAsync<ChatSendException>(() => send);

        Assert.Equal(SendFailure.Transient, error.Failure);
        Assert.True(Bot.Clock.GetUtcNow() - receivedAt >= TimeSpan.FromMinutes(2), "it kept trying for the whole window");
        Assert.Contains(Bot.Logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains("Dropped a reply to telegram:8101: not sent within 120 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendReply_ServerErrorsForAMinute_KeepsTryingWithinTheWindowAndDelivers()
    {
        StandIn.Fail("sendMessage", StandInFailure.InternalError(), times: 8, chatId: 8102);

        var send = Bot.Platform.SendReplyAsync(Address(8102), Hello, null, Bot.Clock.GetUtcNow(), CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        await send;

        var calls = StandIn.Calls("sendMessage", "8102");
        Assert.Equal(9, calls.Count);
        Assert.False(calls[^1].Failed);
        Assert.True(calls[^1].ClockTime - calls[0].ClockTime <= TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task SendReply_RateLimitedMoreOftenThanRateLimitRetries_WaitsWithinTheWindowAndDelivers()
    {
        StandIn.Fail("sendMessage", StandInFailure.TooManyRequests(3), times: 7, chatId: 8103);

        var send = Bot.Platform.SendReplyAsync(Address(8103), Hello, null, Bot.Clock.GetUtcNow(), CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        await send;

        Assert.Equal(8, StandIn.Calls("sendMessage", "8103").Count);
    }

    [Fact]
    public async Task SendReply_NoAnswerEveryTime_NotRetriedMoreThanSendRetries()
    {
        // A timeout after the request left may have posted the message: the window must not add resends.
        await using var impatient = await TelegramTestHost.StartAsync(
            StandIn, new TestClock(), new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01", ["Telegram:SendRetries"] = "1" });
        StandIn.Fail("sendMessage", StandInFailure.NoAnswer(), times: 5, chatId: 8104);

        var send = impatient.Platform.SendReplyAsync(Address(8104), Hello, null, impatient.Clock.GetUtcNow(), CancellationToken.None);
        await impatient.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);

        Assert.Equal(SendFailure.Transient, (await Assert.ThrowsAsync<ChatSendException>(() => send)).Failure);
        Assert.Equal(2, StandIn.Calls("sendMessage", "8104").Count);
    }

    private static ChatAddress Address(long chatId) => new("telegram", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
