using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;

namespace LymphBot.Telegram.Tests.Sending;

/// <summary>
/// The adapter sends once and says what happened, for every answer Telegram (or the network) can give; it never
/// sends again by itself. The turn and the outbox own the retries (see <see cref="TelegramReplyRetryTests"/>).
/// </summary>
public sealed class TelegramChatPlatformTests : StandInConversation
{
    private static readonly Reply Hello = new("Hello **there**");

    [Fact]
    public async Task SendAsync_RateLimited_ReportsRetryAfter_AndPausesEveryChat()
    {
        StandIn.Fail("sendMessage", StandInFailure.TooManyRequests(3), chatId: 2001);

        var limited = await SendAsync(2001);
        var other = Bot.Platform.SendAsync(Address(2002), Hello, SendRequest.Unprompted, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => other.IsCompleted, () => StandIn.Changed);

        Assert.Equal((SendOutcome.RateLimited, TimeSpan.FromSeconds(3)), (limited.Outcome, limited.RetryAfter));
        var calls = StandIn.Calls("sendMessage", "2001");
        Assert.True(Assert.Single(calls).Failed);
        Assert.Equal(SendOutcome.Sent, (await other).Outcome);
        Assert.True(StandIn.Sent(2002)[0].ClockTime - calls[0].ClockTime >= TimeSpan.FromSeconds(3), "a 429 pauses every chat");
    }

    [Theory]
    [InlineData(2003, "blocked")]
    [InlineData(-100_2004, "chat not found")]
    public async Task SendAsync_ChatGone_ReportsUnreachable_OneCall(long chatId, string reason)
    {
        StandIn.Fail("sendMessage", chatId > 0 ? StandInFailure.Blocked() : StandInFailure.ChatNotFound(), chatId: chatId);

        var report = await SendAsync(chatId);

        Assert.Equal(SendOutcome.Unreachable, report.Outcome);
        Assert.Contains(reason, report.Detail, StringComparison.Ordinal);
        Assert.Single(StandIn.Calls("sendMessage", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task SendAsync_TelegramCannotParseEntities_ReportsFormatting_AndPlainSendsWithoutIt()
    {
        StandIn.Fail("sendMessage", StandInFailure.CantParseEntities(), chatId: 2005);
        var reply = new Reply("1 **<2>** & `x`") { Citation = "Guide" };

        var first = await SendAsync(2005, reply);
        var plain = await SendAsync(2005, reply, new SendRequest(Plain: true));

        Assert.Equal((SendOutcome.Formatting, SendOutcome.Sent), (first.Outcome, plain.Outcome));
        var calls = StandIn.Calls("sendMessage", "2005");
        Assert.Equal("1 <b>&lt;2&gt;</b> &amp; <code>x</code>\n<i>Source: Guide</i>", calls[0].Text);
        Assert.Equal("1 <2> & x\nSource: Guide", calls[1].Text);
        Assert.Null(calls[1].Body["parse_mode"]);
    }

    [Fact]
    public async Task SendAsync_BadGateway_ReportsNotSent_OneCall()
    {
        StandIn.Fail("sendMessage", StandInFailure.BadGateway(), chatId: 2006);

        Assert.Equal(SendOutcome.NotSent, (await SendAsync(2006)).Outcome);
        Assert.Single(StandIn.Calls("sendMessage", "2006"));
    }

    [Fact]
    public async Task SendAsync_BotApiDown_ReportsNotSent()
    {
        await StandIn.StopAsync();

        Assert.Equal(SendOutcome.NotSent, (await SendAsync(2011)).Outcome);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinRequestTimeout_ReportsUnknown_NeverSendsAgain()
    {
        await using var impatient = await TelegramTestHost.StartAsync(
            StandIn, new TestClock(), new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01" });
        StandIn.Fail("sendMessage", StandInFailure.NoAnswer(), chatId: 2008);

        var send = impatient.Platform.SendAsync(Address(2008), Hello, SendRequest.Unprompted, CancellationToken.None);
        await impatient.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);

        Assert.Equal(SendOutcome.Unknown, (await send).Outcome);
        Assert.Single(StandIn.Calls("sendMessage", "2008"));
    }

    [Fact]
    public async Task SendAsync_SuccessTheClientCannotRead_IsSent_OneCall()
    {
        StandIn.Fail("sendMessage", StandInFailure.UnreadableSuccess(), chatId: 2012);

        var report = await SendAsync(2012);

        Assert.Equal(SendOutcome.Sent, report.Outcome);
        Assert.Single(StandIn.Calls("sendMessage", "2012"));
        Assert.Contains(Bot.Logs.Entries, e => e.Contains("its answer could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_GroupUpgraded_ReportsTheNewChat()
    {
        StandIn.Fail("sendMessage", StandInFailure.Migrated(-100_2013), chatId: -2013);

        var report = await SendAsync(-2013);

        Assert.Equal((SendOutcome.Moved, new ChatAddress("telegram", "-1002013")), (report.Outcome, report.MovedTo));
    }

    [Fact]
    public async Task SendAsync_ReplyLongerThanOneMessage_SendsPartsInOrderPacedWithButtonsOnTheLast()
    {
        var paragraph = new string('a', 3000);
        var reply = new Reply($"{paragraph}\n\n{paragraph}") { Buttons = [[new ReplyButton("More", "more:1")]] };

        var report = await SendAsync(2009, reply);

        Assert.Equal((SendOutcome.Sent, 2), (report.Outcome, report.PartsSent));
        var parts = StandIn.Sent(2009);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(paragraph, p.Text));
        Assert.Null(parts[0].Body["reply_markup"]);
        Assert.NotNull(parts[1].Body["reply_markup"]);
        Assert.True(parts[1].ClockTime - parts[0].ClockTime >= TimeSpan.FromSeconds(1), "one message per second per chat");
    }

    [Fact]
    public async Task SendAsync_ReplyWithAReaderTime_CarriesTheDateTimeEntity_OverTheZoneNamedText()
    {
        // Tue 8 Dec 2026 19:00 in Berlin (CET) is 18:00 UTC.
        var at = new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.Zero);
        var reply = new Reply("**Next:** " + ReplyMarkup.Time(at, "Tue 8 Dec 19:00 Europe/Berlin", ReaderTimeFormat.DayAndTime) + " & on") { Citation = "Guide" };

        Assert.Equal(SendOutcome.Sent, (await SendAsync(2014, reply)).Outcome);

        var body = Assert.Single(StandIn.Sent(2014)).Body;
        Assert.Equal("Next: Tue 8 Dec 19:00 Europe/Berlin & on\nSource: Guide", body["text"]?.ToString());
        Assert.Null(body["parse_mode"]);
        var entities = body["entities"]!.AsArray().Select(e => e!.ToJsonString()).ToList();
        Assert.Equal(
            [
                """{"type":"bold","offset":0,"length":5}""",
                $$"""{"type":"date_time","offset":6,"length":29,"unix_time":{{at.ToUnixTimeSeconds()}},"date_time_format":"wdt"}""",
                """{"type":"italic","offset":41,"length":13}""",
            ],
            entities);
    }

    [Fact]
    public async Task SendAsync_ReplyWithAReaderTime_PlainRetry_SendsTheZoneNamedTextWithoutEntities()
    {
        var reply = new Reply("Next: " + ReplyMarkup.Time(DateTimeOffset.FromUnixTimeSeconds(1_796_752_800), "Tue 8 Dec 19:00 Europe/Berlin", ReaderTimeFormat.DayAndTime));

        await SendAsync(2015, reply, new SendRequest(Plain: true));

        var body = Assert.Single(StandIn.Sent(2015)).Body;
        Assert.Equal("Next: Tue 8 Dec 19:00 Europe/Berlin", body["text"]?.ToString());
        Assert.Null(body["entities"]);
    }

    private static ChatAddress Address(long chatId) => new("telegram", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<SendReport> SendAsync(long chatId, Reply? reply = null, SendRequest? request = null)
    {
        var send = Bot.Platform.SendAsync(Address(chatId), reply ?? Hello, request ?? SendRequest.Unprompted, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        return await send;
    }
}
