namespace LymphBot.Telegram.Tests;

public sealed class TelegramOptionsValidatorTests
{
    private readonly TelegramOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(_validator.Validate(null, new TelegramOptions { Token = "123:abc" }).Succeeded);

    [Fact]
    public void Validate_UnknownMode_NamesKeyValueAndChoices()
    {
        var result = _validator.Validate(null, new TelegramOptions { Token = "123:abc", Mode = "Push" });

        Assert.Equal("Telegram:Mode = 'Push' is not valid: use Polling or Webhook.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_WebhookWithoutUrlAndSecret_ListsBoth()
    {
        var result = _validator.Validate(null, new TelegramOptions { Token = "123:abc", Mode = "webhook" });

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Telegram:WebhookUrl is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Telegram:WebhookSecret is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ümlaut")]
    public void Validate_BadSecretOrToken_NeverRepeatsTheSecret(string secret)
    {
        var result = _validator.Validate(null, new TelegramOptions
        {
            Token = "not a token " + secret,
            Mode = "Webhook",
            WebhookUrl = "https://bot.example.org/hook",
            WebhookSecret = secret,
        });

        Assert.Equal(2, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.DoesNotContain(secret, f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HttpWebhookUrl_IsRefused()
    {
        var result = _validator.Validate(null, new TelegramOptions { Token = "123:abc", Mode = "Webhook", WebhookUrl = "http://bot.example.org/hook", WebhookSecret = "ok" });

        Assert.StartsWith("Telegram:WebhookUrl = 'http://bot.example.org/hook' is not valid", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MinPollIntervalOutOfRange_NamesKeyValueAndRange()
    {
        var negative = _validator.Validate(null, new TelegramOptions { Token = "123:abc", MinPollInterval = TimeSpan.FromSeconds(-1) });
        var tooLong = _validator.Validate(null, new TelegramOptions { Token = "123:abc", MinPollInterval = TimeSpan.FromMinutes(2) });

        Assert.Equal("Telegram:MinPollInterval = '-00:00:01' is not valid: use a duration from 00:00:00 to 00:01:00.", Assert.Single(negative.Failures!));
        Assert.Single(tooLong.Failures!);
        Assert.True(_validator.Validate(null, new TelegramOptions { Token = "123:abc", MinPollInterval = TimeSpan.Zero }).Succeeded);
    }

    [Fact]
    public void Validate_ReplyRetryWindowOutOfRange_NamesKeyValueAndRange()
    {
        var result = _validator.Validate(null, new TelegramOptions { Token = "123:abc", ReplyRetryWindow = TimeSpan.FromHours(2) });

        Assert.Equal("Telegram:ReplyRetryWindow = '02:00:00' is not valid: use a duration from 00:00:00 to 01:00:00.", Assert.Single(result.Failures!));
        Assert.Equal(TimeSpan.FromMinutes(2), new TelegramOptions().ReplyRetryWindow);
    }
}
