using LymphBot.Core;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;
using LymphBot.Core.Users;
using LymphBot.Discord.Gateway;
using LymphBot.Testing.Chat;
using LymphBot.Testing.Commands;
using LymphBot.Testing.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>
/// The adapter wired as the host wires it (<c>AddLymphBotCore</c> + <c>AddDiscord</c>'s registrations), with Core's
/// fakes, an echo answerer, all logs captured, and short delays so reconnect tests take milliseconds.
/// </summary>
public sealed class DiscordHarness : IAsyncDisposable
{
    public const string Token = "MTIzNDU2Nzg5.test-token.SECRET-do-not-log";

    private readonly ServiceProvider _services;
    private readonly IHostedService[] _hosted;

    private DiscordHarness(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
        _hosted = [.. services.GetServices<IHostedService>()];
    }

    public CapturedLogs Logs { get; }

    public DiscordStatus Status => Get<DiscordStatus>();

    public DiscordChatPlatform Platform => Get<DiscordChatPlatform>();

    public InMemoryChatReachability Reachability => (InMemoryChatReachability)Get<IChatReachability>();

    internal DiscordGateway Gateway => Get<DiscordGateway>();

    public static async Task<DiscordHarness> StartAsync(
        StandInDiscord server,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        bool start = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = server.ApiUrl.ToString(),
            ["Discord:ReidentifyDelayMin"] = "00:00:00.050",
            ["Discord:ReidentifyDelayMax"] = "00:00:00.060",
            ["Discord:ReconnectDelayMin"] = "00:00:00.010",
            ["Discord:ReconnectDelayMax"] = "00:00:00.100",
            ["Discord:InteractionAnswerBudget"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IChatUserStore, InMemoryChatUserStore>();
        services.AddSingleton<IChatReachability, InMemoryChatReachability>();
        services.AddSingleton<IChatMigrationStore, InMemoryChatMigrationStore>();
        services.AddSingleton<ICommandRegistrationStore, InMemoryCommandRegistrationStore>();
        services.AddSingleton<IQuestionAnswerer, EchoAnswerer>();
        services.AddSingleton<IHostApplicationLifetime, TestLifetime>();
        services.AddLymphBotCore();
        configure?.Invoke(services);
        services.AddDiscordServices(configuration);

        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var harness = new DiscordHarness(provider, logs);
        if (start)
        {
            foreach (var hosted in harness._hosted)
            {
                await hosted.StartAsync(CancellationToken.None);
            }
        }

        return harness;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Waits until the adapter reaches <paramref name="state"/>.</summary>
    public async Task WaitForStateAsync(DiscordState state, TimeSpan? timeout = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(DiscordState s)
        {
            if (s == state)
            {
                reached.TrySetResult();
            }
        }

        Status.Changed += OnChanged;
        try
        {
            if (Status.State == state)
            {
                return;
            }

            await reached.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
        }
        finally
        {
            Status.Changed -= OnChanged;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var hosted in _hosted.Reverse())
        {
            await hosted.StopAsync(cts.Token);
        }

        await _services.DisposeAsync();
    }

    private sealed class TestLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
