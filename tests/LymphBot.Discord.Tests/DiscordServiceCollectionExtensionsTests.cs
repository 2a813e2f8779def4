using LymphBot.Core;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Users;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Testing.Chat;
using LymphBot.Testing.Commands;
using LymphBot.Testing.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Tests;

public sealed class DiscordServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDiscord_NoToken_AddsNothing()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var before = builder.Services.Count;

        builder.AddDiscord();

        Assert.Equal(before, builder.Services.Count);
    }

    [Fact]
    public async Task AddDiscord_BadOption_FailsAtStartWithOneLine()
    {
        var builder = Builder(new Dictionary<string, string?> { ["Discord:Token"] = "abc", ["Discord:ShardCount"] = "0" });
        builder.AddDiscord();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Discord:ShardCount = '0' is not valid: use a whole number of 1 or more.", Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task AddDiscord_GatewayClosesWith4004_AdapterStopsAndTheHostKeepsRunning()
    {
        await using var discord = await StandInDiscord.StartAsync();
        var logs = new CapturedLogs();
        var builder = Builder(new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordHarness.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiUrl.ToString(),
            ["Discord:GuildIds:0"] = "123",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.AddDiscord();
        using var host = builder.Build();
        await host.StartAsync();
        var status = host.Services.GetRequiredService<DiscordStatus>();
        Assert.Contains(host.Services.GetServices<IChatPlatform>(), p => p is DiscordChatPlatform);
        Assert.Equal(["123"], host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value.GuildIds);

        var connection = await discord.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ExpectAsync(2);
        await connection.CloseAsync(4004, "Authentication failed.");
        await logs.WaitForAsync(e => e.Level == LogLevel.Error);

        Assert.Equal(DiscordState.Stopped, status.State);
        Assert.Contains("4004", status.StopReason, StringComparison.Ordinal);
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
        Assert.DoesNotContain(DiscordHarness.Token, logs.AllText, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IChatUserStore, InMemoryChatUserStore>();
        builder.Services.AddSingleton<IChatReachability, InMemoryChatReachability>();
        builder.Services.AddSingleton<IChatMigrationStore, InMemoryChatMigrationStore>();
        builder.Services.AddSingleton<ICommandRegistrationStore, InMemoryCommandRegistrationStore>();
        builder.Services.AddSingleton<LymphBot.Core.Questions.IQuestionAnswerer, TestSupport.EchoAnswerer>();
        builder.Services.AddLymphBotCore();
        return builder;
    }
}
