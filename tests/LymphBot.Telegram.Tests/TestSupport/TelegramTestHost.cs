using LymphBot.Core;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Questions;
using LymphBot.Core.Users;
using LymphBot.Telegram.Sending;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Testing.Chat;
using LymphBot.Testing.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>
/// The adapter as the host runs it (AddTelegram + MapTelegramWebhook on Kestrel at 127.0.0.1), with Core, fakes for
/// its ports, a test clock and every log line captured at Trace level, talking to a <see cref="TelegramStandIn"/>.
/// </summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    private TelegramTestHost(WebApplication app, TestClock clock, InMemoryChatReachability reachability, CapturingLoggerProvider logs, TestAnswerer answerer)
    {
        App = app;
        Clock = clock;
        Reachability = reachability;
        Logs = logs;
        Answerer = answerer;
    }

    public WebApplication App { get; }

    public TestClock Clock { get; }

    public InMemoryChatReachability Reachability { get; }

    public CapturingLoggerProvider Logs { get; }

    public TestAnswerer Answerer { get; }

    public Uri Url => new(App.Urls.First());

    public TelegramChatPlatform Platform => App.Services.GetRequiredService<TelegramChatPlatform>();

    public InMemoryChatMigrationStore Migrations => App.Services.GetRequiredService<InMemoryChatMigrationStore>();

    public static async Task<TelegramTestHost> StartAsync(
        TelegramStandIn standIn,
        TestClock? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        InMemoryChatReachability? reachability = null,
        TestAnswerer? answerer = null,
        CapturingLoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(standIn);
        clock ??= new TestClock();
        reachability ??= new InMemoryChatReachability();
        answerer ??= new TestAnswerer();
        logs ??= new CapturingLoggerProvider();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        var config = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = TelegramStandIn.Token,
            ["Telegram:ApiBaseUrl"] = standIn.BaseUrl,
            ["Telegram:PollTimeout"] = "00:00:10",
            ["Telegram:RequestTimeout"] = "00:00:10",
            // Each test starts a bot of its own; the hold after start is tested on the pacer itself.
            ["Telegram:StartHold"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);

        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IChatUserStore, InMemoryChatUserStore>();
        builder.Services.AddSingleton<IChatReachability>(reachability);
        builder.Services.AddSingleton<InMemoryChatMigrationStore>();
        builder.Services.AddSingleton<IChatMigrationStore>(sp => sp.GetRequiredService<InMemoryChatMigrationStore>());
        builder.Services.AddSingleton<IQuestionAnswerer>(answerer);
        builder.Services.AddSingleton<IButtonHandler, TestButtons>();
        builder.Services.AddSingleton<IChatCommand, ModeratorCommand>();
        builder.Services.AddLymphBotCore();
        builder.AddTelegram();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapTelegramWebhook();
        await app.StartAsync();
        return new TelegramTestHost(app, clock, reachability, logs, answerer);
    }

    public Task StopAsync() => App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(patience.Token);
        await App.DisposeAsync();
    }
}
