using System.Diagnostics;
using System.Net.WebSockets;
using LymphBot.Discord.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayTests
{
    [Theory]
    [InlineData("false", 4609)]
    [InlineData("true", 37377)]
    public async Task Identify_AfterHello_SendsTokenIntentsShardAndProperties(string messageContent, int intents)
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, new Dictionary<string, string?> { ["Discord:MessageContent"] = messageContent });

        var connection = await discord.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        var identify = (await connection.ExpectAsync(2)).GetProperty("d");

        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.Equal(DiscordHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(intents, identify.GetProperty("intents").GetInt32());
        Assert.Equal("[0,1]", identify.GetProperty("shard").GetRawText());
        Assert.Equal("lymphbot", identify.GetProperty("properties").GetProperty("browser").GetString());
        Assert.False(identify.TryGetProperty("compress", out _));
        Assert.Contains(discord.Requests, r => r.Method == "GET" && r.Path == "/gateway/bot");

        await connection.ReadyAsync();
        await bot.WaitForStateAsync(DiscordState.Connected);
        Assert.Equal("session-1", bot.Gateway.SessionId);
        Assert.Equal(Payloads.BotId, bot.Gateway.Identity?.UserId);
        Assert.Equal(Payloads.ApplicationId, bot.Gateway.Identity?.ApplicationId);
    }

    [Fact]
    public async Task Heartbeat_BeatsOnceAnIntervalWithTheLastSequence_OnTheFakeClock()
    {
        // Discord's interval is about 41 s; the fake clock moves it in tenths, so no wall-clock interval is waited for
        // and a busy machine cannot make an acknowledgement look missing.
        var interval = TimeSpan.FromSeconds(40);
        var step = interval / 10;
        var time = new FakeTimeProvider();
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<TimeProvider>(time));
        var connection = await discord.AcceptIdentifiedAsync((int)interval.TotalMilliseconds);

        var observedAt = new List<DateTimeOffset>();
        for (var sequence = 5; sequence < 11; sequence++)
        {
            // Frames are read in order: once the client shows this sequence, it has also read the last beat's ack.
            await connection.DispatchAsync("TYPING_START", sequence, """{"channel_id":"1","user_id":"2"}""");
            Assert.True(await EventuallyAsync(() => bot.Gateway.Sequence == sequence), $"the client never read sequence {sequence}");

            var beats = connection.Heartbeats.Count;
            var waited = TimeSpan.Zero;
            while (connection.Heartbeats.Count == beats)
            {
                Assert.True(waited <= interval * 2, $"no heartbeat within two intervals after sequence {sequence}");
                time.Advance(step);
                waited += step;
                await EventuallyAsync(() => connection.Heartbeats.Count > beats, TimeSpan.FromMilliseconds(30));
            }

            observedAt.Add(time.GetUtcNow());
            Assert.Equal(sequence, connection.Heartbeats[^1].Frame.GetProperty("d").GetInt32());
        }

        // Never more often than the interval: five intervals between the first beat seen and the sixth, less the few
        // steps the first could have been seen late by.
        Assert.True(observedAt[^1] - observedAt[0] >= (interval * 5) - (step * 5), $"six beats within {observedAt[^1] - observedAt[0]}");
        Assert.Equal(1, discord.ConnectionCount);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > (within ?? TimeSpan.FromSeconds(10)))
            {
                return false;
            }

            await Task.Delay(2);
        }

        return true;
    }

    [Fact]
    public async Task Heartbeat_AckMissing_AbortsAndResumesWithTheLastSequence()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);

        var first = await discord.NextConnectionAsync();
        first.AutoAck = false;
        await first.HelloAsync(100);
        await first.ExpectAsync(2);
        await first.ReadyAsync(resumeUrl: discord.ResumeUrl.ToString());
        await first.DispatchAsync("TYPING_START", 7, """{"channel_id":"1","user_id":"2"}""");
        await first.SendAsync("""{"op": 1, "d": null}""");
        while ((await first.ExpectAsync(1)).GetProperty("d").ToString() != "7")
        {
        }

        var second = await discord.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = (await second.ExpectAsync(6)).GetProperty("d");

        Assert.Equal("/resume", second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(7, resume.GetProperty("seq").GetInt32());
        Assert.Equal(DiscordHarness.Token, resume.GetProperty("token").GetString());
        Assert.Null(await first.ClientClose);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("no heartbeat ACK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesWith4900AndResumes()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var first = await discord.AcceptIdentifiedAsync();
        await first.DispatchAsync("TYPING_START", 3, "{}");

        await first.SendAsync("""{"op": 7, "d": null}""");

        var second = await discord.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = (await second.ExpectAsync(6)).GetProperty("d");
        Assert.Equal(3, resume.GetProperty("seq").GetInt32());
        Assert.Equal((WebSocketCloseStatus)4900, await first.ClientClose);

        await second.DispatchAsync("RESUMED", 4, "{}");
        await bot.WaitForStateAsync(DiscordState.Connected);
        Assert.Equal(4, bot.Gateway.Sequence);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAfreshAfterTheDelay()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var first = await discord.AcceptIdentifiedAsync();
        await first.DispatchAsync("TYPING_START", 9, "{}");

        var sentAt = Stopwatch.GetTimestamp();
        await first.SendAsync("""{"op": 9, "d": false}""");

        var second = await discord.NextConnectionAsync();
        var waited = Stopwatch.GetElapsedTime(sentAt);
        await second.HelloAsync(45_000);
        var identify = await second.ExpectAsync(2);

        Assert.Equal("/gateway", second.Path);
        Assert.Equal(DiscordHarness.Token, identify.GetProperty("d").GetProperty("token").GetString());
        Assert.True(waited >= TimeSpan.FromMilliseconds(45), $"re-identified after {waited.TotalMilliseconds} ms");
        Assert.Null(bot.Gateway.SessionId);
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, await first.ClientClose);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var first = await discord.AcceptIdentifiedAsync();

        await first.SendAsync("""{"op": 9, "d": true}""");

        var second = await discord.NextConnectionAsync();
        await second.HelloAsync(45_000);
        Assert.Equal(1, (await second.ExpectAsync(6)).GetProperty("d").GetProperty("seq").GetInt32());
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_NewSessionCode_IdentifiesAfresh(int code)
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var first = await discord.AcceptIdentifiedAsync();

        await first.CloseAsync(code);

        var second = await discord.NextConnectionAsync();
        await second.HelloAsync(45_000);
        await second.ExpectAsync(2);
        Assert.Equal("/gateway", second.Path);
    }

    [Fact]
    public async Task Close_Abnormal1006_ResumesAtTheResumeUrl()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var first = await discord.AcceptIdentifiedAsync();
        await first.DispatchAsync("TYPING_START", 4, "{}");
        await first.SendAsync("""{"op": 1, "d": null}""");
        Assert.Equal(4, (await first.ExpectAsync(1)).GetProperty("d").GetInt32());

        first.Abort();

        var second = await discord.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = (await second.ExpectAsync(6)).GetProperty("d");
        Assert.Equal("/resume", second.Path);
        Assert.Equal(4, resume.GetProperty("seq").GetInt32());
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task Close_FatalCode_StopsTheAdapterWithOneErrorLineAndNoReconnect(int code)
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var connection = await discord.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ExpectAsync(2);

        await connection.CloseAsync(code);

        await bot.WaitForStateAsync(DiscordState.Stopped);
        var adapter = Assert.IsAssignableFrom<BackgroundService>(bot.Get<IHostedService>());
        await adapter.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), bot.Status.StopReason, StringComparison.Ordinal);
        Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(1, discord.ConnectionCount);
        var report = await bot.Platform.SendAsync(new LymphBot.Core.Chat.ChatAddress("discord", "1"), new LymphBot.Core.Chat.Reply("hi"), LymphBot.Core.Sending.SendRequest.Unprompted, CancellationToken.None);
        Assert.Equal(LymphBot.Core.Sending.SendOutcome.NotSent, report.Outcome);
    }

    [Fact]
    public async Task Shutdown_ClosesWithNormalClosure()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var bot = await DiscordHarness.StartAsync(discord);
        var connection = await discord.AcceptIdentifiedAsync();
        await bot.WaitForStateAsync(DiscordState.Connected);

        await bot.DisposeAsync();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.ClientClose.WaitAsync(TimeSpan.FromSeconds(15)));
    }
}
