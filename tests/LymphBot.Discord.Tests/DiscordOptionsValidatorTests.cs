namespace LymphBot.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(Validate(new DiscordOptions { Token = "abc.def" }).Succeeded);
    }

    [Theory]
    [InlineData(0, 0, "Discord:ShardCount = '0' is not valid: use a whole number of 1 or more.")]
    [InlineData(2, 2, "Discord:ShardId = '2' is not valid: use a whole number from 0 to 1 (Discord:ShardCount - 1).")]
    [InlineData(-1, 1, "Discord:ShardId = '-1' is not valid: use a whole number from 0 to 0 (Discord:ShardCount - 1).")]
    public void Validate_BadShards_OneLineNamingKeyValueAndRule(int shardId, int shardCount, string expected)
    {
        var result = Validate(new DiscordOptions { Token = "abc", ShardId = shardId, ShardCount = shardCount });

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Validate_BadGuildIdAndGatewayScheme_AreReportedWithoutTheToken()
    {
        var options = new DiscordOptions { Token = "secret-token-value", GatewayUrl = new Uri("https://gateway.discord.gg") };
        options.GuildIds.Add("my-server");

        var result = Validate(options);

        Assert.Contains("Discord:GuildIds:0 = 'my-server' is not valid: use a server id (a number; Developer Mode > Copy Server ID).", result.Failures!);
        Assert.Contains(result.Failures!, f => f.StartsWith("Discord:GatewayUrl = 'https://gateway.discord.gg/' is not valid", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("secret-token-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TokenWithSpace_IsRejectedWithoutEchoingIt()
    {
        var result = Validate(new DiscordOptions { Token = "Bot abc" });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Discord:Token is not valid", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", failure, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(null, options);
}
