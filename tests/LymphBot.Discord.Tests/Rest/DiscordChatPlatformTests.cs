using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Discord.Rest;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Testing.TestSupport;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Tests.Rest;

public sealed class DiscordChatPlatformTests
{
    private static readonly ChatAddress Channel = new("discord", "123456789012345678");

    [Fact]
    public async Task Send_Reminder_PostsEscapedTextWithNoMentionsAndTheNonce()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        await SendAsync(bot, Channel, new Reply("Time for your **routine**, @everyone <@1>") { IdempotencyKey = "reminder-42" });

        var request = Assert.Single(discord.Requests);
        Assert.Equal(("POST", "/channels/123456789012345678/messages"), (request.Method, request.Path));
        Assert.Equal("Bot " + DiscordHarness.Token, request.Authorization);
        Assert.StartsWith("DiscordBot (", request.UserAgent, StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var body = request.Json;
        Assert.Equal("Time for your **routine**, @\u200Beveryone \\<@1\\>", body.GetProperty("content").GetString());
        Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal("reminder-42", body.GetProperty("nonce").GetString());
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
        Assert.False(body.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task Send_ReplyWithAReaderTime_PostsTimestampMarkup_SoEachReaderSeesTheirOwnTime()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var at = new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.Zero);

        await SendAsync(bot, Channel, new Reply(
            "Next: " + ReplyMarkup.Time(at, "Tue 8 Dec 19:00 Europe/Berlin", ReaderTimeFormat.DayAndTime) +
            ", then " + ReplyMarkup.Time(at.AddDays(1), "Wed 9 Dec 19:00 Europe/Berlin", ReaderTimeFormat.DateTime) + " (<t:1:f> typed)"));

        Assert.Equal(
            $"Next: <t:{at.ToUnixTimeSeconds()}:F>, then <t:{at.AddDays(1).ToUnixTimeSeconds()}:f> \\(\\<t:1:f\\> typed\\)",
            Assert.Single(discord.Requests).Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Send_ThroughThePort_UsesTheReplysIdempotencyKeyAsNonce()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        await SendAsync(bot, Channel, new Reply("Your daily routine") { IdempotencyKey = "rem-7" });
        await SendAsync(bot, Channel, new Reply("An ordinary reply"));

        Assert.Equal("rem-7", discord.Requests[0].Json.GetProperty("nonce").GetString());
        Assert.False(discord.Requests[1].Json.TryGetProperty("nonce", out _));
    }

    [Fact]
    public async Task Send_ToUser_OpensTheDmOnceAndCachesIt()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var user = new ChatAddress("discord", "user:555");

        await SendAsync(bot, user, new Reply("one"));
        await SendAsync(bot, user, new Reply("two"));

        Assert.Equal(["POST /users/@me/channels", "POST /channels/dm-555/messages", "POST /channels/dm-555/messages"], discord.Requests.Select(r => r.ToString()));
        Assert.Equal("555", discord.Requests[0].Json.GetProperty("recipient_id").GetString());
    }

    [Fact]
    public async Task Send_429_ReportsRateLimitedWithRetryAfter_AndTheBucketWaits()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var calls = 0;
        discord.Respond = r => Interlocked.Increment(ref calls) == 1
            ? StandInResponse.Json(429, """{"message":"You are being rate limited.","retry_after":0.2,"global":false}""", ("X-RateLimit-Scope", "user"), ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.2"), ("Retry-After", "1"))
            : null;
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        // One attempt: the owner of the message waits retry_after and sends again (the turn and the outbox do).
        var report = await SendAsync(bot, Channel, new Reply("hello"));

        Assert.Equal((SendOutcome.RateLimited, TimeSpan.FromSeconds(0.2)), (report.Outcome, report.RetryAfter));
        Assert.Single(discord.Requests);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("rate limit", StringComparison.Ordinal));
        Assert.True(bot.Get<DiscordRateLimiter>().WaitFor(DiscordRoute.CreateMessage(Channel.ChatId)) > TimeSpan.Zero, "the bucket waits out the 429");
    }

    [Fact]
    public async Task Send_Global429_ReportsRateLimitedWithRetryAfter_AndPausesEverything()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(429, """{"message":"You are being rate limited.","retry_after":64.57,"global":true}""", ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global"), ("Retry-After", "65"));
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var report = await SendAsync(bot, Channel, new Reply("hi"));

        Assert.Equal((SendOutcome.RateLimited, TimeSpan.FromSeconds(64.57)), (report.Outcome, report.RetryAfter));
        Assert.Single(discord.Requests);
        Assert.True(bot.Get<DiscordRateLimiter>().WaitFor(DiscordRoute.CreateDm()) > TimeSpan.FromSeconds(60));
    }

    [SkippableFact]
    public async Task Send_RecordedGlobal429Fixture_PausesFor64Point57Seconds()
    {
        var body = await File.ReadAllTextAsync(TestEnvironment.RequireShared("fixtures/discord/rate_limit_429.global.json"));
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(429, body, ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global"), ("Retry-After", "65"));
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var report = await SendAsync(bot, Channel, new Reply("hi"));

        Assert.Equal(TimeSpan.FromSeconds(64.57), report.RetryAfter);
        var pause = bot.Get<DiscordRateLimiter>().WaitFor(DiscordRoute.CreateMessage("other"));
        Assert.InRange(pause.TotalSeconds, 63, 64.57);
    }

    [Fact]
    public async Task Send_429WithoutRateLimitHeaders_IsTreatedAsACloudflareBanAndPausesEverything()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(429, """{"code": 0, "message": "You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently."}""");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var report = await SendAsync(bot, Channel, new Reply("hi"));

        Assert.Equal((SendOutcome.RateLimited, TimeSpan.FromMinutes(5)), (report.Outcome, report.RetryAfter));
        Assert.Single(discord.Requests);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("Cloudflare", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_CannotDmUser50007_ReportsUnreachable()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.RefuseChannelRequests(403, 50007, "Cannot send messages to this user");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var user = new ChatAddress("discord", "user:777");

        var report = await SendAsync(bot, user, new Reply("08:00 reminder"));

        // The owner records it (once, in IChatReachability) and checks it before sending an unprompted message again.
        Assert.Equal(SendOutcome.Unreachable, report.Outcome);
        Assert.Contains("50007", report.Detail, StringComparison.Ordinal);
        Assert.Equal(2, discord.Requests.Count);
    }

    [Theory]
    [InlineData(403, 50001, "missing access")]
    [InlineData(403, 50013, "missing permissions")]
    [InlineData(404, 10003, "unknown channel")]
    public async Task Send_ChannelRefused_ReportsUnreachableWithTheReason(int status, int code, string reason)
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(status, $$$"""{"message": "x", "code": {{{code}}}}""");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var report = await SendAsync(bot, Channel, new Reply("tip of the day"));

        Assert.Equal(SendOutcome.Unreachable, report.Outcome);
        Assert.Contains(reason, report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_StaleCachedDm_ReopensOnceAndDelivers()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var failNext = 0;
        discord.Respond = r => r.Path == "/channels/dm-555/messages" && Interlocked.Exchange(ref failNext, 0) == 1
            ? StandInResponse.Json(404, """{"message": "Unknown Channel", "code": 10003}""")
            : null;
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var user = new ChatAddress("discord", "user:555");
        await SendAsync(bot, user, new Reply("a"));
        failNext = 1;

        await SendAsync(bot, user, new Reply("b"));

        Assert.Equal(2, discord.Requests.Count(r => r.Path == "/users/@me/channels"));
        Assert.Equal("b", discord.Requests[^1].Json.GetProperty("content").GetString());
        Assert.Empty(bot.Reachability.Unreachable);
    }

    [Fact]
    public async Task Send_ServerError_ReportsUnknown_AndARepeatCarriesTheSameNonce()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var calls = 0;
        discord.Respond = _ => Interlocked.Increment(ref calls) == 1 ? new StandInResponse(502) : null;
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var reminder = new Reply("hi") { IdempotencyKey = "rem-9" };

        var first = await SendAsync(bot, Channel, reminder);
        var again = await SendAsync(bot, Channel, reminder);

        Assert.Equal((SendOutcome.Unknown, SendOutcome.Sent), (first.Outcome, again.Outcome));
        Assert.Equal(["rem-9", "rem-9"], discord.Requests.Select(r => r.Json.GetProperty("nonce").GetString()));
    }

    [Fact]
    public async Task Send_BadBody50035_IsRejectedWithTheFlattenedErrors()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(400, """{"code":50035,"errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}},"message":"Invalid Form Body"}""");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var report = await SendAsync(bot, Channel, new Reply("hi"));

        Assert.Equal(SendOutcome.Rejected, report.Outcome);
        Assert.Contains("content: Must be 2000 or fewer in length.", report.Detail, StringComparison.Ordinal);
        Assert.Single(discord.Requests);
    }

    [Fact]
    public async Task Send_401_StopsTheAdapterAndRefusesFurtherSends()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(401, """{"message": "401: Unauthorized", "code": 0}""");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        await SendAsync(bot, Channel, new Reply("hi"));
        var second = await SendAsync(bot, Channel, new Reply("hi"));

        Assert.Equal(DiscordState.Stopped, bot.Status.State);
        Assert.Contains("401", bot.Status.StopReason, StringComparison.Ordinal);

        // Not sent, but not the chat's fault: its reminders are not paused, and go out once the token is fixed.
        Assert.Equal(SendOutcome.NotSent, second.Outcome);
        Assert.Single(discord.Requests);
        Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_TooManyInvalidRequestsRecently_RefusesWithoutCallingDiscord()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var counter = bot.Get<InvalidRequestCounter>();
        for (var i = 0; i < InvalidRequestCounter.Threshold; i++)
        {
            counter.Record();
        }

        var report = await SendAsync(bot, Channel, new Reply("hi"));

        Assert.Equal(SendOutcome.RateLimited, report.Outcome);
        Assert.NotNull(report.RetryAfter);
        Assert.Empty(discord.Requests);
    }

    [Fact]
    public async Task Send_ButtonsCarryingTheSameData_PostsEachCustomIdOnce()
    {
        // Discord refuses a whole message (400, Invalid Form Body) whose components repeat a custom_id; Core can repeat
        // one, e.g. an answer whose related entries name the same entry twice.
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        await SendAsync(bot, Channel, new Reply("Compression helps.")
        {
            Buttons = [[new ReplyButton("Lymphedema", "kb:lymphedema"), new ReplyButton("Lymphedema", "kb:lymphedema")], [new ReplyButton("Again", "kb:lymphedema")], [new ReplyButton("👍", "fb:up:x")]],
        });

        var rows = Assert.Single(discord.Requests).Json.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(
            [["kb:lymphedema"], ["fb:up:x"]],
            rows.Select(r => r.GetProperty("components").EnumerateArray().Select(b => b.GetProperty("custom_id").GetString()!).ToList()));
    }

    [Theory]
    [InlineData("short", 0, "short")]
    [InlineData("short", 2, "short.2")]
    [InlineData("reminder:0123456789abcdef0123456789", 0, null)]
    public void NonceFor_LongOrSplitReplies_StayWithin25Characters(string nonce, int part, string? expected)
    {
        var result = DiscordChatPlatform.NonceFor(nonce, part);

        Assert.True(result.Length <= DiscordChatPlatform.MaxNonceLength);
        if (expected is not null)
        {
            Assert.Equal(expected, result);
        }
        else
        {
            Assert.Equal(result, DiscordChatPlatform.NonceFor(nonce, part));
        }
    }

    private static Task<SendReport> SendAsync(DiscordHarness bot, ChatAddress address, Reply reply, SendRequest? request = null) =>
        bot.Platform.SendAsync(address, reply, request ?? SendRequest.Unprompted, CancellationToken.None);
}
