using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Operations;

/// <summary>
/// Tokens and webhook secrets are never logged, by the whole host: the built process with both adapters against
/// their stand-ins, every category at Trace, taken through each path where a secret could slip into a line (start,
/// webhook posts with the right and a wrong secret, send failures and retries on both platforms, interactions, whose
/// tokens sit in REST paths, the startup summary, SIGTERM), once per console formatter.
/// </summary>
public sealed partial class SecretSecrecyTests
{
    // Secrets of only letters, digits and . _ - : so that no formatter escapes them and a plain search finds them.
    private const string WebhookSecret = "whsec_OpsTest-0123456789abcdef";
    private const string InteractionToken = "aW50ZXJhY3Rpb24.ops-interaction-SECRET-a";
    private const string FailedInteractionToken = "aW50ZXJhY3Rpb24.ops-interaction-SECRET-b";
    private const long Asker = 7001;
    private const long Starter = 7002;

    private static readonly HttpClient Http = new();
    private static int _updateId;

    [SkippableTheory]
    [InlineData("simple", "trce: ")]
    [InlineData("json", "\"LogLevel\":\"Trace\"")]
    [Trait("Category", "Slow")]
    public async Task WholeHost_ConversationOnBothAdaptersAtTrace_NeverLogsATokenOrSecret(string formatter, string traceLine)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the host is stopped with SIGTERM, sent with kill(1) on Linux");
        using var data = new TempDirectory();
        await using var telegram = await TelegramStandIn.StartAsync();
        await using var discord = await StandInDiscord.StartAsync();
        ScriptFailures(telegram, discord);
        await using var bot = LymphBotInstance.Start(formatter, data.Path, Settings(formatter, data, telegram, discord), new Dictionary<string, string>
        {
            ["Telegram__Token"] = TelegramStandIn.Token,
            ["Telegram__WebhookSecret"] = WebhookSecret,
            ["Discord__Token"] = DiscordHarness.Token,
        });
        await bot.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));

        // Discord: the gateway identifies with the token, then a DM question and two slash commands arrive.
        var gateway = await discord.NextConnectionAsync(TimeSpan.FromSeconds(30));
        await gateway.HelloAsync(45_000);
        var identify = await gateway.ExpectAsync(2);
        Assert.Equal(DiscordHarness.Token, identify.GetProperty("d").GetProperty("token").GetString());
        await gateway.ReadyAsync(resumeUrl: discord.ResumeUrl.ToString());
        await gateway.DispatchAsync("MESSAGE_CREATE", 2, Payloads.DirectMessage("does it help with swelling after surgery?"));
        await gateway.DispatchAsync("INTERACTION_CREATE", 3, Payloads.SlashCommand("ask", "600000000000000101", InteractionToken, options: [("question", "what is lymphedema?")]));
        await gateway.DispatchAsync("INTERACTION_CREATE", 4, Payloads.SlashCommand("help", "600000000000000102", FailedInteractionToken));

        // Telegram: the webhook is registered with the secret (after one failure), then members post through it.
        await bot.WaitUntilAsync(() => telegram.Calls("setWebhook").Any(c => !c.Failed), TimeSpan.FromSeconds(30), "register the Telegram webhook");
        Assert.Equal(WebhookSecret, telegram.Calls("setWebhook")[^1].Body["secret_token"]?.ToString());
        var webhook = new Uri(ListeningUrl(bot), "/telegram/webhook");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostUpdateAsync(webhook, "not-the-secret", TestUpdates.PrivateText(Asker, "let me in")));
        Assert.Equal(HttpStatusCode.OK, await PostUpdateAsync(webhook, WebhookSecret, TestUpdates.PrivateText(Asker, "does it help with swelling after surgery?")));
        Assert.Equal(HttpStatusCode.OK, await PostUpdateAsync(webhook, WebhookSecret, TestUpdates.PrivateText(Starter, "/start")));

        // The conversation really happened: every reply reached its stand-in, past the scripted failures.
        await bot.WaitUntilAsync(
            () => telegram.Sent(Asker).Count > 0 && telegram.Sent(Starter).Count > 0
                && discord.Requests.Count(r => r.Path == $"/channels/{Payloads.DmChannelId}/messages") >= 3
                && discord.Requests.Any(r => r.Path.Contains(InteractionToken, StringComparison.Ordinal))
                && discord.Requests.Any(r => r.Path.Contains(FailedInteractionToken, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60),
            "answer on Telegram and Discord");
        Assert.Single(telegram.Calls("sendMessage", Asker.ToString(CultureInfo.InvariantCulture)), c => c.Failed);
        await bot.WaitUntilAsync(() => bot.StandardError.Contains("started: adapters console, discord, telegram", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "log the startup summary");

        // Metrics name operations by method or route template, never by path: paths carry the tokens.
        var metrics = await Http.GetStringAsync(new Uri(ListeningUrl(bot), "/metrics"));
        Assert.Contains("operation=\"sendMessage\"", metrics, StringComparison.Ordinal);
        Assert.Contains("operation=\"POST /interactions/{id}/{token}/callback\"", metrics, StringComparison.Ordinal);

        Assert.Equal(0, await bot.TerminateAsync());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await gateway.ClientClose.WaitAsync(TimeSpan.FromSeconds(10)));

        var logs = string.Join('\n', bot.Lines) + "\n" + bot.StandardError + "\n" + metrics;

        // Guards: the logs are the full Trace stream, and they cover the failures driven above.
        Assert.Contains(traceLine, logs, StringComparison.Ordinal);
        Assert.Contains("LymphBot.Discord.Rest.DiscordRestClient", logs, StringComparison.Ordinal);
        Assert.Contains("Telegram bot @LymphTestBot started (Webhook)", logs, StringComparison.Ordinal);
        Assert.Contains("A webhook request without the right secret token was refused", logs, StringComparison.Ordinal);
        Assert.Contains("Telegram setWebhook failed", logs, StringComparison.Ordinal);
        Assert.Contains($"A reply to telegram:{Asker} was NotSent", logs, StringComparison.Ordinal);
        Assert.Contains("Telegram rate-limited a message", logs, StringComparison.Ordinal);
        Assert.Contains($"A reply to discord:{Payloads.DmChannelId} was Unknown", logs, StringComparison.Ordinal);
        Assert.Contains("Discord rate limit on POST /channels/", logs, StringComparison.Ordinal);
        Assert.Contains("Discord interaction response failed with 10062", logs, StringComparison.Ordinal);

        Assert.DoesNotContain(TelegramStandIn.Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramStandIn.Token.Split(':')[1], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordHarness.Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordHarness.Token.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("ops-interaction-SECRET", logs, StringComparison.Ordinal);
    }

    /// <summary>Telegram: setWebhook fails once, the question's answer gets a 500, /start's a 429. Discord: the DM
    /// answer gets a 500, then a 429; the /help interaction is already gone (10062).</summary>
    private static void ScriptFailures(TelegramStandIn telegram, StandInDiscord discord)
    {
        telegram.Fail("setWebhook", StandInFailure.InternalError());
        telegram.Fail("sendMessage", StandInFailure.InternalError(), chatId: Asker);
        telegram.Fail("sendMessage", StandInFailure.TooManyRequests(1), chatId: Starter);
        var channelPosts = 0;
        discord.Respond = r =>
        {
            if (r.Path.Contains(FailedInteractionToken, StringComparison.Ordinal))
            {
                return StandInResponse.Json(404, """{"message":"Unknown interaction","code":10062}""");
            }

            if (r.Method != "POST" || !r.Path.StartsWith("/channels/", StringComparison.Ordinal))
            {
                return null;
            }

            return Interlocked.Increment(ref channelPosts) switch
            {
                1 => StandInResponse.Json(500, """{"message":"500: Internal Server Error","code":0}"""),
                2 => StandInResponse.Json(429, """{"message":"You are being rate limited.","retry_after":0.05,"global":false}""", ("X-RateLimit-Scope", "user")),
                _ => null,
            };
        };
    }

    private static string[] Settings(string formatter, TempDirectory data, TelegramStandIn telegram, StandInDiscord discord) =>
    [
        $"--ConnectionStrings:LymphBot=Data Source={data.Combine("lymphbot.db")}",
        $"--Logging:Console:FormatterName={formatter}",
        "--Logging:Console:FormatterOptions:IncludeScopes=true",

        // Every category appsettings.json names, so none keeps a quieter level than Trace.
        "--Logging:LogLevel:Default=Trace",
        "--Logging:LogLevel:Microsoft=Trace",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Trace",
        "--Logging:LogLevel:System.Net.Http.HttpClient=Trace",
        "--Logging:LogLevel:FluentMigrator=Trace",
        "--Logging:LogLevel:Quartz=Trace",
        $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
        "--Telegram:Mode=Webhook",
        "--Telegram:WebhookUrl=https://bot.example.org/telegram/webhook",
        "--Telegram:RetryDelay=00:00:00.050",
        $"--Discord:ApiBaseUrl={discord.ApiUrl}",
    ];

    private static async Task<HttpStatusCode> PostUpdateAsync(Uri webhook, string secret, System.Text.Json.Nodes.JsonObject update)
    {
        update["update_id"] = Interlocked.Increment(ref _updateId);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The host listens on a free port (Http:Urls=…:0); Kestrel logs which one.</summary>
    private static Uri ListeningUrl(LymphBotInstance bot) =>
        new(NowListeningOn().Match(bot.StandardError) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("the host did not log its address\n" + bot.Diagnostics()));

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex NowListeningOn();
}
