using System.Diagnostics;
using LymphBot.Core.Chat;
using LymphBot.Core.Tests.TestSupport;
using LymphBot.Discord.Rest;
using LymphBot.Discord.Tests.TestSupport;
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

        await bot.Platform.SendAsync(Channel, new Reply("Time for your **routine**, @everyone <@1>"), "reminder-42", CancellationToken.None);

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
    public async Task Send_ThroughThePort_UsesTheReplysIdempotencyKeyAsNonce()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        await bot.Platform.SendAsync(Channel, new Reply("Your daily routine") { IdempotencyKey = "rem-7" }, CancellationToken.None);
        await bot.Platform.SendAsync(Channel, new Reply("An ordinary reply"), CancellationToken.None);

        Assert.Equal("rem-7", discord.Requests[0].Json.GetProperty("nonce").GetString());
        Assert.False(discord.Requests[1].Json.TryGetProperty("nonce", out _));
    }

    [Fact]
    public async Task Send_ToUser_OpensTheDmOnceAndCachesIt()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var user = new ChatAddress("discord", "user:555");

        await bot.Platform.SendAsync(user, new Reply("one"), CancellationToken.None);
        await bot.Platform.SendAsync(user, new Reply("two"), CancellationToken.None);

        Assert.Equal(["POST /users/@me/channels", "POST /channels/dm-555/messages", "POST /channels/dm-555/messages"], discord.Requests.Select(r => r.ToString()));
        Assert.Equal("555", discord.Requests[0].Json.GetProperty("recipient_id").GetString());
    }

    [Fact]
    public async Task Send_429ThenOk_WaitsRetryAfterAndDeliversExactlyOnce()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var calls = 0;
        discord.Respond = r => Interlocked.Increment(ref calls) == 1
            ? StandInResponse.Json(429, """{"message":"You are being rate limited.","retry_after":0.2,"global":false}""", ("X-RateLimit-Scope", "user"), ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.2"), ("Retry-After", "1"))
            : null;
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        await bot.Platform.SendAsync(Channel, new Reply("hello"), CancellationToken.None);

        var requests = discord.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].ReceivedAt, requests[1].ReceivedAt) >= TimeSpan.FromMilliseconds(190));
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("rate limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_Global429LongerThanTheWait_ThrowsRateLimitedWithRetryAfter()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(429, """{"message":"You are being rate limited.","retry_after":64.57,"global":true}""", ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global"), ("Retry-After", "65"));
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var ex = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None));

        Assert.Equal(SendFailure.RateLimited, ex.Failure);
        Assert.Equal(TimeSpan.FromSeconds(64.57), ex.RetryAfter);
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

        var ex = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(64.57), ex.RetryAfter);
        var pause = bot.Get<DiscordRateLimiter>().WaitFor(DiscordRoute.CreateMessage("other"));
        Assert.InRange(pause.TotalSeconds, 63, 64.57);
    }

    [Fact]
    public async Task Send_429WithoutRateLimitHeaders_IsTreatedAsACloudflareBanAndPausesEverything()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(429, """{"code": 0, "message": "You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently."}""");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var ex = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None));

        Assert.Equal(SendFailure.RateLimited, ex.Failure);
        Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
        Assert.Single(discord.Requests);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("Cloudflare", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_CannotDmUser50007_ReportsUnreachableOnceAndStopsTrying()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.RefuseChannelRequests(403, 50007, "Cannot send messages to this user");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);
        var user = new ChatAddress("discord", "user:777");

        var first = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(user, new Reply("08:00 reminder"), CancellationToken.None));
        var second = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(user, new Reply("08:00 reminder"), CancellationToken.None));

        Assert.Equal((SendFailure.Unreachable, SendFailure.Unreachable), (first.Failure, second.Failure));
        Assert.Contains("50007", bot.Reachability.Unreachable[user], StringComparison.Ordinal);
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

        var ex = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("tip of the day"), CancellationToken.None));

        Assert.Equal(SendFailure.Unreachable, ex.Failure);
        Assert.Contains(reason, bot.Reachability.Unreachable[Channel], StringComparison.Ordinal);
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
        await bot.Platform.SendAsync(user, new Reply("a"), CancellationToken.None);
        failNext = 1;

        await bot.Platform.SendAsync(user, new Reply("b"), CancellationToken.None);

        Assert.Equal(2, discord.Requests.Count(r => r.Path == "/users/@me/channels"));
        Assert.Equal("b", discord.Requests[^1].Json.GetProperty("content").GetString());
        Assert.Empty(bot.Reachability.Unreachable);
    }

    [Fact]
    public async Task Send_ServerErrorThenOk_Retries()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var calls = 0;
        discord.Respond = _ => Interlocked.Increment(ref calls) == 1 ? new StandInResponse(502) : null;
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        await bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None);

        Assert.Equal(2, discord.Requests.Count);
    }

    [Fact]
    public async Task Send_BadBody50035_IsRejectedWithTheFlattenedErrors()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(400, """{"code":50035,"errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}},"message":"Invalid Form Body"}""");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        var ex = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None));

        Assert.Equal(SendFailure.Rejected, ex.Failure);
        Assert.Contains("content: Must be 2000 or fewer in length.", ex.Message, StringComparison.Ordinal);
        Assert.Single(discord.Requests);
    }

    [Fact]
    public async Task Send_401_StopsTheAdapterAndRefusesFurtherSends()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = _ => StandInResponse.Json(401, """{"message": "401: Unauthorized", "code": 0}""");
        await using var bot = await DiscordHarness.StartAsync(discord, start: false);

        await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None));
        var second = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None));

        Assert.Equal(DiscordState.Stopped, bot.Status.State);
        Assert.Contains("401", bot.Status.StopReason, StringComparison.Ordinal);
        Assert.Equal(SendFailure.Unreachable, second.Failure);
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

        var ex = await Assert.ThrowsAsync<ChatSendException>(() => bot.Platform.SendAsync(Channel, new Reply("hi"), CancellationToken.None));

        Assert.Equal(SendFailure.RateLimited, ex.Failure);
        Assert.NotNull(ex.RetryAfter);
        Assert.Empty(discord.Requests);
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
}
