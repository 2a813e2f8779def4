using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;

namespace LymphBot.Telegram.Tests.Receiving;

public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cr3t_Token-123";

    private static readonly HttpClient Http = new();
    private TelegramStandIn _standIn = null!;
    private TelegramTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _standIn = await TelegramStandIn.StartAsync();
        _bot = await TelegramTestHost.StartAsync(_standIn, settings: new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:WebhookSecret"] = Secret,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Start_WebhookMode_RegistersWebhookWithSecretAndAllowedUpdates()
    {
        await _standIn.WaitUntilAsync(s => s.Calls("setWebhook").Count == 1);

        var call = _standIn.Calls("setWebhook")[0];
        Assert.Equal("https://bot.example.org/telegram/webhook", call.Body["url"]?.ToString());
        Assert.Equal(Secret, call.Body["secret_token"]?.ToString());
        Assert.Equal(3, call.Body["allowed_updates"]?.AsArray().Count);
        Assert.Empty(_standIn.Calls("getUpdates"));
    }

    [Fact]
    public async Task Post_WrongOrMissingSecret_Returns401AndHandlesNothing()
    {
        var wrong = await PostAsync(TestUpdates.PrivateText(4001, "hello").ToJsonString(), "not-the-secret");
        var missing = await PostAsync(TestUpdates.PrivateText(4001, "hello").ToJsonString(), null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Empty(_standIn.Calls("sendMessage"));
    }

    [Fact]
    public async Task Post_RightSecret_Returns200AndAnswers()
    {
        var update = TestUpdates.PrivateText(4002, "does it help?");
        update["update_id"] = 77;

        var response = await PostAsync(update.ToJsonString(), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _standIn.WaitUntilAsync(s => s.Sent(4002).Count == 1);
        Assert.Equal(TestAnswerer.RenderedAnswer("does it help?"), _standIn.Sent(4002)[0].Text);
    }

    [Fact]
    public async Task Post_SameUpdateTwice_IsHandledOnce()
    {
        var update = TestUpdates.PrivateText(4003, "twice?");
        update["update_id"] = 78;

        await PostAsync(update.ToJsonString(), Secret);
        await PostAsync(update.ToJsonString(), Secret);
        await PostAsync(TestUpdates.PrivateText(4003, "marker").ToJsonString().Replace("{", "{\"update_id\":79,", StringComparison.Ordinal), Secret);

        await _bot.Clock.AdvanceUntilAsync(() => _standIn.Sent(4003).Count == 2, () => _standIn.Changed);
        Assert.Equal(TestAnswerer.RenderedAnswer("twice?"), _standIn.Sent(4003)[0].Text);
        Assert.Equal(TestAnswerer.RenderedAnswer("marker"), _standIn.Sent(4003)[1].Text);
    }

    [Fact]
    public async Task Post_EveryMalformedKind_Returns200SoTelegramDoesNotResendIt_NextUpdateIsAnswered()
    {
        var statuses = new List<HttpStatusCode>();
        var id = 100;
        foreach (var kind in MalformedUpdates.AllKinds)
        {
            var (json, withId) = MalformedUpdates.Make(kind);
            if (withId && json is JsonObject update)
            {
                update["update_id"] = id++;
            }

            statuses.Add((await PostAsync(json?.ToJsonString() ?? "null", Secret)).StatusCode);
        }

        statuses.Add((await PostAsync("{ this is not JSON", Secret)).StatusCode);
        var next = TestUpdates.PrivateText(4004, "and now?");
        next["update_id"] = id;
        var nextResponse = await PostAsync(next.ToJsonString(), Secret);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, nextResponse.StatusCode);
        await _standIn.WaitUntilAsync(s => s.Sent(4004).Count == 1);
        Assert.Equal(MalformedUpdates.Unreadable + 1, _bot.Logs.Entries.Count(e => e.Contains("Skipped", StringComparison.Ordinal)));
        Assert.Contains(_bot.Logs.Entries, e => e.Contains("Skipped Telegram update 100: it cannot be read (message without chat)", StringComparison.Ordinal));
        Assert.DoesNotContain(MalformedUpdates.PrivateWords, _bot.Logs.AllText, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_bot.Url, "/telegram/webhook"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        return await Http.SendAsync(request);
    }
}
