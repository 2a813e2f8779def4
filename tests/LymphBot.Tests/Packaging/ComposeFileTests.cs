using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.Packaging;

/// <summary>No Docker engine runs here: the compose file is checked against the configuration the bot really reads.</summary>
public sealed class ComposeFileTests
{
    private static readonly string Compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));

    [Theory]
    [InlineData("Storage__Provider: Postgres")]
    [InlineData("ConnectionStrings__LymphBot: Host=postgres;")]
    [InlineData("Http__Urls: http://0.0.0.0:8080")]
    [InlineData("Telegram__Mode: Webhook")]
    [InlineData("Telegram__WebhookUrl: https://")]
    [InlineData("Telegram__WebhookSecret: ${TELEGRAM_WEBHOOK_SECRET")]
    [InlineData("replicas: 2")]
    [InlineData("condition: service_healthy")]
    [InlineData("--to lymphbot:8080")]
    public void Compose_DeploysTwoClusteredReplicasInWebhookMode(string expected)
    {
        Assert.Contains(expected, Compose, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EnvironmentNames_AreKeysTheBotReads()
    {
        var settings = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.json"));
        var keys = Compose.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains("__", StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Split("__"))
            .ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains($"\"{k[0]}\"", settings, StringComparison.Ordinal));
        Assert.All(keys.Where(k => k[0] != "ConnectionStrings" && k[1] != "Token" && k[1] != "WebhookSecret"), k => Assert.Contains($"\"{k[^1]}\"", settings, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_HoldsNoSecretValues()
    {
        Assert.DoesNotContain("Password=lymphbot", Compose, StringComparison.Ordinal);
        Assert.Matches(@"Telegram__Token: \$\{TELEGRAM_TOKEN", Compose);
    }
}
