using LymphBot.Core.Chat;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;

namespace LymphBot.Telegram.Tests.Sending;

/// <summary>Sending (replies and reminders) against the stand-in: every failure Telegram can answer with.</summary>
public sealed class TelegramChatPlatformTests : StandInConversation
{
    private static readonly Reply Hello = new("Hello **there**");

    [Fact]
    public async Task SendAsync_RateLimited_WaitsRetryAfterForAllChatsThenDelivers()
    {
        StandIn.Fail("sendMessage", StandInFailure.TooManyRequests(3), chatId: 2001);

        var first = Bot.Platform.SendAsync(Address(2001), Hello, CancellationToken.None);
        await StandIn.WaitUntilAsync(s => s.Calls("sendMessage", "2001").Count == 1);
        await Bot.Clock.AdvanceUntilAsync(() => Bot.Clock.PendingDelays.Count > 0); // the retry is waiting: the pause is on
        var other = Bot.Platform.SendAsync(Address(2002), Hello, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => first.IsCompleted && other.IsCompleted, () => StandIn.Changed);
        await first;
        await other;

        var calls = StandIn.Calls("sendMessage", "2001");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[0].Failed);
        Assert.Equal("Hello <b>there</b>", calls[1].Text);
        Assert.True(calls[1].ClockTime - calls[0].ClockTime >= TimeSpan.FromSeconds(3));
        Assert.True(StandIn.Sent(2002)[0].ClockTime - calls[0].ClockTime >= TimeSpan.FromSeconds(3), "a 429 pauses every chat");
    }

    [Fact]
    public async Task SendAsync_BlockedByUser_ReportsUnreachableAndDoesNotRetry()
    {
        StandIn.Fail("sendMessage", StandInFailure.Blocked(), chatId: 2003);

        var error = await Assert.ThrowsAsync<ChatSendException>(() => Bot.Platform.SendAsync(Address(2003), Hello, CancellationToken.None));

        Assert.Equal(SendFailure.Unreachable, error.Failure);
        Assert.Single(StandIn.Calls("sendMessage", "2003"));
        Assert.Contains("blocked", Bot.Reachability.Unreachable[Address(2003)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ChatNotFound_ReportsUnreachableForTheWholeChat()
    {
        StandIn.Fail("sendMessage", StandInFailure.ChatNotFound(), chatId: -100_2004);

        var error = await Assert.ThrowsAsync<ChatSendException>(
            () => Bot.Platform.SendAsync(new ChatAddress("telegram", "-1002004", "12"), Hello, CancellationToken.None));

        Assert.Equal(SendFailure.Unreachable, error.Failure);
        Assert.Single(StandIn.Calls("sendMessage", "-1002004"));
        Assert.True(Bot.Reachability.Unreachable.ContainsKey(new ChatAddress("telegram", "-1002004")));
    }

    [Fact]
    public async Task SendAsync_GroupMessageInBlockedUpdate_ReportsUnreachableThroughTheReceiver()
    {
        StandIn.Fail("sendMessage", StandInFailure.Blocked(), chatId: 2010);

        StandIn.EnqueueUpdate(TestUpdates.PrivateText(2010, "anyone there?"));
        await Bot.Clock.AdvanceUntilAsync(() => Bot.Reachability.Unreachable.ContainsKey(Address(2010)), () => StandIn.Changed);

        Assert.Single(StandIn.Calls("sendMessage", "2010"));
    }

    [Fact]
    public async Task SendAsync_TelegramCannotParseEntities_ResendsOnceAsPlainText()
    {
        StandIn.Fail("sendMessage", StandInFailure.CantParseEntities(), chatId: 2005);

        var send = Bot.Platform.SendAsync(Address(2005), new Reply("1 **<2>** & `x`") { Citation = "Guide" }, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        await send;

        var calls = StandIn.Calls("sendMessage", "2005");
        Assert.Equal(2, calls.Count);
        Assert.Equal("1 <b>&lt;2&gt;</b> &amp; <code>x</code>\n<i>Source: Guide</i>", calls[0].Text);
        Assert.Equal("1 <2> & x\nSource: Guide", calls[1].Text);
        Assert.Null(calls[1].Body["parse_mode"]);
    }

    [Fact]
    public async Task SendAsync_BadGatewayOnce_RetriesAfterBackoffAndDelivers()
    {
        StandIn.Fail("sendMessage", StandInFailure.BadGateway(), chatId: 2006);

        var send = Bot.Platform.SendAsync(Address(2006), Hello, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        await send;

        var calls = StandIn.Calls("sendMessage", "2006");
        Assert.Equal([true, false], calls.Select(c => c.Failed));
        Assert.True(calls[1].ClockTime - calls[0].ClockTime >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_GivesUpAfterBoundedRetriesAsTransient()
    {
        StandIn.Fail("sendMessage", StandInFailure.InternalError(), times: 10, chatId: 2007);

        var send = Bot.Platform.SendAsync(Address(2007), Hello, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        var error = await Assert.ThrowsAsync<ChatSendException>(() => send);

        Assert.Equal(SendFailure.Transient, error.Failure);
        Assert.Equal(4, StandIn.Calls("sendMessage", "2007").Count); // 1 + Telegram:SendRetries (3)
        Assert.Empty(Bot.Reachability.Unreachable);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinRequestTimeout_RetriesAndDelivers()
    {
        await using var impatient = await TelegramTestHost.StartAsync(
            StandIn, new TestClock(), new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01" });
        StandIn.Fail("sendMessage", StandInFailure.NoAnswer(), chatId: 2008);

        var send = impatient.Platform.SendAsync(Address(2008), Hello, CancellationToken.None);
        await impatient.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        await send;

        Assert.Equal([true, false], StandIn.Calls("sendMessage", "2008").Select(c => c.Failed));
    }

    [Fact]
    public async Task SendAsync_ReplyLongerThanOneMessage_SendsPartsInOrderPacedWithButtonsOnTheLast()
    {
        var paragraph = new string('a', 3000);
        var reply = new Reply($"{paragraph}\n\n{paragraph}") { Buttons = [[new ReplyButton("More", "more:1")]] };

        var send = Bot.Platform.SendAsync(Address(2009), reply, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        await send;

        var parts = StandIn.Sent(2009);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(paragraph, p.Text));
        Assert.Null(parts[0].Body["reply_markup"]);
        Assert.NotNull(parts[1].Body["reply_markup"]);
        Assert.True(parts[1].ClockTime - parts[0].ClockTime >= TimeSpan.FromSeconds(1), "one message per second per chat");
    }

    private static ChatAddress Address(long chatId) => new("telegram", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
