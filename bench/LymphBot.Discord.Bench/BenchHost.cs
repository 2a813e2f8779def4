using LymphBot.Core;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;
using LymphBot.Core.Users;
using LymphBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Bench;

/// <summary>The adapter wired as the host wires it, with the REST API answered in memory and the global limit lifted.</summary>
internal static class BenchHost
{
    public static ServiceProvider Build(CountingDiscordApi api, Uri? gatewayUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "bench-token",
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
            ["Discord:GatewayUrl"] = gatewayUrl?.ToString(),
            ["Discord:GlobalRequestsPerSecond"] = "100000000",
            ["Discord:MaxConcurrentHandlers"] = "64",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var stores = new BenchStores();
        services.AddSingleton<IChatUserStore>(stores);
        services.AddSingleton<IChatReachability>(stores);
        services.AddSingleton<IChatMigrationStore>(stores);
        services.AddSingleton<ICommandRegistrationStore>(stores);
        services.AddSingleton<IQuestionAnswerer, BenchAnswerer>();
        services.AddLymphBotCore();

        // A thousand members asking fifty questions each within a second is a load test, not members: the per-member
        // limit (10 a minute) would answer all but the first few with silence and measure nothing.
        services.Configure<RateLimitOptions>(o => o.PerMinute = int.MaxValue);
        services.AddDiscordServices(configuration);
        services.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api);
        return services.BuildServiceProvider();
    }
}
