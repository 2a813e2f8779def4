using System.Diagnostics.Metrics;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LymphBot.Telegram.Tests.Sending;

/// <summary>
/// The turn owns a reply's retries (Core's <see cref="ReplySender"/> over the adapter's one attempt): kept trying for
/// Telegram:ReplyRetryWindow while Telegram surely did not take it, and never sent again when it may have.
/// </summary>
public sealed class TelegramReplyRetryTests : StandInConversation
{
    private static readonly Reply Hello = new("Hello **there**");

    private ReplySender Sender => Bot.App.Services.GetRequiredService<ReplySender>();

    [Fact]
    public async Task Poll_FiveQuestionsThenATwentySecondOutage_AllAnsweredOnceWhenTelegramIsBack()
    {
        // A server of its own that keeps no connection open (see CloseConnections): the outage is then a refused
        // connection for every send, never a kept connection closed under a request that may have been read.
        var clock = new TestClock();
        await using var standIn = await TelegramStandIn.StartAsync(clock);
        standIn.CloseConnections = true;
        await using var bot = await TelegramTestHost.StartAsync(standIn, clock);
        var dispatcher = bot.App.Services.GetRequiredService<TelegramUpdateDispatcher>();
        var gates = Enumerable.Range(0, 5).Select(i => bot.Answerer.Hold($"question {i}")).ToList();
        for (var i = 0; i < 5; i++)
        {
            standIn.EnqueueUpdate(TestUpdates.PrivateText(8001 + i, $"question {i}"));
        }

        await bot.Clock.AdvanceUntilAsync(() => dispatcher.Pending == 5, () => standIn.Changed);

        // Half a second after the questions came in, the Bot API goes away for 20 s.
        bot.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await standIn.StopAsync();
        var outage = bot.Clock.GetUtcNow();
        gates.ForEach(g => g.SetResult());
        await bot.Clock.AdvanceUntilAsync(() => bot.Clock.GetUtcNow() - outage >= TimeSpan.FromSeconds(20));
        Assert.Equal(5, dispatcher.Pending);

        await standIn.RestartAsync();
        var back = bot.Clock.GetUtcNow();
        await bot.Clock.AdvanceUntilAsync(() => Enumerable.Range(8001, 5).All(chat => standIn.Sent(chat).Count == 1), () => standIn.Changed);

        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(TestAnswerer.RenderedAnswer($"question {i}"), standIn.Sent(8001 + i)[0].Text));

        Assert.All(Enumerable.Range(8001, 5), chat => Assert.InRange(standIn.Sent(chat)[0].ClockTime!.Value, back, outage + TimeSpan.FromMinutes(2)));

        // Waits stay short within the window (at most 10 s apart), so an answer follows soon after Telegram is back.
        var waits = bot.Logs.Entries
            .Where(e => e.Contains("A reply to telegram:800", StringComparison.Ordinal) && e.Contains("sending it again in", StringComparison.Ordinal))
            .Select(e => double.Parse(e.Split("sending it again in ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(waits);
        Assert.All(waits, w => Assert.InRange(w, 0.5, 10));
        Assert.DoesNotContain("Dropped a reply", bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_OutageLongerThanTheWindow_DroppedAndLoggedWhenTheWindowIsOver()
    {
        await StandIn.StopAsync();
        var receivedAt = Bot.Clock.GetUtcNow();

        var report = await SendAsync(8101, receivedAt + TimeSpan.FromMinutes(2));

        Assert.Equal(SendOutcome.NotSent, report.Outcome);
        Assert.True(Bot.Clock.GetUtcNow() - receivedAt >= TimeSpan.FromMinutes(1.8), "it kept trying for the whole window");
        Assert.Contains(Bot.Logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains("Dropped a reply to telegram:8101", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_ServerErrorsForAMinute_KeepsTryingWithinTheWindowAndDeliversOnce()
    {
        StandIn.Fail("sendMessage", StandInFailure.InternalError(), times: 8, chatId: 8102);

        var report = await SendAsync(8102, Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(2));

        Assert.Equal(SendOutcome.Sent, report.Outcome);
        var calls = StandIn.Calls("sendMessage", "8102");
        Assert.Equal(9, calls.Count);
        Assert.Single(StandIn.Sent(8102));
    }

    [Fact]
    public async Task Reply_RateLimitedAgainAndAgain_WaitsEachRetryAfterAndDeliversOnce()
    {
        StandIn.Fail("sendMessage", StandInFailure.TooManyRequests(3), times: 7, chatId: 8103);

        var report = await SendAsync(8103, Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(2));

        Assert.Equal(SendOutcome.Sent, report.Outcome);
        var calls = StandIn.Calls("sendMessage", "8103");
        Assert.Equal(8, calls.Count);
        Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second.ClockTime - pair.First.ClockTime >= TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Reply_NoAnswerAfterTheRequestLeft_NeverSentAgain_CountedAsUnconfirmed()
    {
        await using var impatient = await TelegramTestHost.StartAsync(
            StandIn, new TestClock(), new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01" });
        using var impatientUnconfirmed = new MetricCollector<long>(impatient.App.Services.GetRequiredService<IMeterFactory>(), LymphBotMetrics.MeterName, "lymphbot.sends.unconfirmed");
        StandIn.Fail("sendMessage", StandInFailure.NoAnswer(), times: 5, chatId: 8104);

        var send = impatient.App.Services.GetRequiredService<ReplySender>()
            .SendAsync(Address(8104), Hello, SendRequest.Unprompted, impatient.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), CancellationToken.None);
        await impatient.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);

        Assert.Equal(SendOutcome.Unknown, (await send).Outcome);
        Assert.Single(StandIn.Calls("sendMessage", "8104"));
        var counted = Assert.Single(impatientUnconfirmed.GetMeasurementSnapshot());
        Assert.Equal(("telegram", "reply"), (counted.Tags["platform"], counted.Tags["owner"]));
    }

    [Fact]
    public async Task Reply_SuccessTheClientCannotRead_SentOnce()
    {
        StandIn.Fail("sendMessage", StandInFailure.UnreadableSuccess(), times: 5, chatId: 8105);

        var report = await SendAsync(8105, Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(2));

        Assert.Equal(SendOutcome.Sent, report.Outcome);
        Assert.Single(StandIn.Calls("sendMessage", "8105"));
    }

    [Fact]
    public async Task Reply_TelegramCannotParseEntities_SentAgainOnceAsPlainText()
    {
        StandIn.Fail("sendMessage", StandInFailure.CantParseEntities(), chatId: 8106);

        var report = await SendAsync(8106, Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(2));

        Assert.Equal(SendOutcome.Sent, report.Outcome);
        Assert.Equal(["Html", null], StandIn.Calls("sendMessage", "8106").Select(c => c.Body["parse_mode"]?.ToString()));
    }

    [Fact]
    public async Task Reply_ToAGroupThatWasUpgraded_FollowsItToTheSupergroup()
    {
        StandIn.Fail("sendMessage", StandInFailure.Migrated(-100_8107), chatId: -8107);

        var report = await SendAsync(-8107, Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(2));

        Assert.Equal(SendOutcome.Sent, report.Outcome);
        Assert.Single(StandIn.Sent(-100_8107));
        Assert.Equal([(Address(-8107), Address(-100_8107))], Bot.Migrations.Moves);
    }

    [Fact]
    public async Task Reply_ToABlockedChat_RecordsItUnreachableOnce_AndDoesNotRetry()
    {
        StandIn.Fail("sendMessage", StandInFailure.Blocked(), chatId: 8108);

        var report = await SendAsync(8108, Bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(2));

        Assert.Equal(SendOutcome.Unreachable, report.Outcome);
        Assert.Single(StandIn.Calls("sendMessage", "8108"));
        Assert.Contains("blocked", Bot.Reachability.Unreachable[Address(8108)], StringComparison.Ordinal);
    }

    private static ChatAddress Address(long chatId) => new("telegram", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<SendReport> SendAsync(long chatId, DateTimeOffset retryUntil)
    {
        var send = Sender.SendAsync(Address(chatId), Hello, SendRequest.Unprompted, retryUntil, CancellationToken.None);
        await Bot.Clock.AdvanceUntilAsync(() => send.IsCompleted, () => StandIn.Changed);
        return await send;
    }
}
