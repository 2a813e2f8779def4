using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Tests;

public sealed class TokenSecrecyTests
{
    [Fact]
    public async Task AllLogs_IdentifyResumeRestErrorsAndRateLimits_NeverContainTheToken()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var calls = 0;
        discord.Respond = r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)
            ? Interlocked.Increment(ref calls) switch
            {
                1 => StandInResponse.Json(429, """{"message":"slow","retry_after":0.01,"global":false}""", ("X-RateLimit-Scope", "user")),
                2 => StandInResponse.Json(400, """{"code":50035,"errors":{"content":{"_errors":[{"code":"X","message":"bad"}]}},"message":"Invalid Form Body"}"""),
                3 => StandInResponse.Json(403, """{"message": "Missing Access", "code": 50001}"""),
                _ => StandInResponse.Json(401, """{"message": "401: Unauthorized", "code": 0}"""),
            }
            : null;
        var bot = await DiscordHarness.StartAsync(discord);
        var first = await discord.AcceptIdentifiedAsync();
        await first.DispatchAsync("MESSAGE_CREATE", 2, Payloads.DirectMessage("hello"));
        await discord.NextRequestAsync(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        await first.SendAsync("""{"op": 7, "d": null}""");
        var second = await discord.NextConnectionAsync();
        await second.HelloAsync(45_000);
        await second.ExpectAsync(6);
        Assert.NotEqual(SendOutcome.Sent, (await bot.Platform.SendAsync(new ChatAddress("discord", "1"), new Reply("x"), SendRequest.Unprompted, CancellationToken.None)).Outcome);
        Assert.NotEqual(SendOutcome.Sent, (await bot.Platform.SendAsync(new ChatAddress("discord", "2"), new Reply("x"), SendRequest.Unprompted, CancellationToken.None)).Outcome);
        Assert.NotEqual(SendOutcome.Sent, (await bot.Platform.SendAsync(new ChatAddress("discord", "3"), new Reply("x"), SendRequest.Unprompted, CancellationToken.None)).Outcome);
        await bot.WaitForStateAsync(DiscordState.Stopped);
        await bot.DisposeAsync();

        var all = bot.Logs.AllText;
        // The lines written where a token is at hand (identify, resume, REST failures up to the 401) were all logged;
        // how many lines the concurrent sends add depends on their timing, so they are not counted.
        foreach (var line in (string[])["identifying with intents", "resuming session", "rejected the bot token"])
        {
            Assert.True(all.Contains(line, StringComparison.Ordinal), $"no \"{line}\" line:\n{all}");
        }

        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Debug);
        Assert.DoesNotContain(DiscordHarness.Token, all, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-do-not-log", all, StringComparison.Ordinal);
        Assert.DoesNotContain("interaction-token", all, StringComparison.Ordinal);
    }
}
