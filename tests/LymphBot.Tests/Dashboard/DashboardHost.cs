using System.Text.RegularExpressions;
using LymphBot.ConsoleChat;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Dashboard;

/// <summary>The real host on a free loopback port with real SQLite and a fake clock, and a way to say things to its bot.</summary>
public sealed partial class DashboardHost : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly string[] _configuration;
    private readonly Action<IServiceCollection>? _services;
    private ReminderHost _host;

    private DashboardHost(TempDirectory data, ReminderHost host, string[] configuration, Action<IServiceCollection>? services)
    {
        _data = data;
        _host = host;
        _configuration = configuration;
        _services = services;
    }

    public WebApplication App => _host.App;

    /// <summary>The host underneath, to subscribe members and move the clock until reminders go out.</summary>
    public ReminderHost Reminders => _host;

    public FakeTimeProvider Time => _host.Time;

    /// <summary>The "test" platform: what the bot sends to members' direct chats.</summary>
    public RecordingPlatform Platform => _host.Platform;

    public Uri BaseAddress => new(App.Urls.First());

    public string DatabasePath => _data.Combine("lymphbot.db");

    public static Task<DashboardHost> StartAsync(params string[] configuration) => StartAsync(logs: null, configuration);

    /// <summary>Starts the host; with <paramref name="logs"/>, every log line it writes (any level) is added there.</summary>
    public static Task<DashboardHost> StartAsync(List<string>? logs, params string[] configuration) =>
        StartOnFreshDataAsync(configuration, logs is null ? null : services => services.AddSingleton<ILoggerProvider>(new ListLoggerProvider(logs)));

    /// <summary>Starts the host with the console chat on too: it reads what is typed on <paramref name="keyboard"/> and prints to <paramref name="screen"/>.</summary>
    public static Task<DashboardHost> StartWithConsoleAsync(ConsoleKeyboard keyboard, ReplyRecorder screen, params string[] configuration) =>
        StartOnFreshDataAsync(["--Console:Enabled=true", .. configuration], services => services.Replace(ServiceDescriptor.Singleton(new ConsoleStreams(keyboard, screen, isInteractive: false))));

    /// <summary>Stops the bot and starts it again on the same data folder and clock (on a new port: see <see cref="BaseAddress"/>).</summary>
    public async Task RestartAsync()
    {
        await _host.DisposeAsync();
        _host = await ReminderHost.StartAsync(_data, _host.Time, _configuration, _services);
    }

    /// <summary>Hands <paramref name="message"/> to the bot and returns its reply's text.</summary>
    public async Task<string> SayAsync(IncomingMessage message)
    {
        var reply = await App.Services.GetRequiredService<CommandRouter>().HandleAsync(message, CancellationToken.None);
        return reply?.Text ?? string.Empty;
    }

    /// <summary>A group administrator's <c>/dashboard</c> where replies can be private (a Discord interaction); the link it gets.</summary>
    public async Task<Uri> LinkForAdminAsync(string chatId = "group-1", string userId = "7", string name = "Mo")
    {
        var reply = await SayAsync(GroupMessage(chatId, userId, name, admin: true) with { RepliesPrivately = true });
        return FindLink(reply) ?? throw new InvalidOperationException("no link in: " + reply);
    }

    /// <summary>A moderator named in <c>Moderators:Users</c> sends <c>/dashboard</c> in a direct chat: a link to the private chats' questions.</summary>
    public async Task<Uri> LinkForConfiguredModeratorAsync(string userId = "7", string name = "Mo")
    {
        var user = new ChatUser(RecordingPlatform.PlatformName, userId, name);
        var reply = await SayAsync(new IncomingMessage(new ChatAddress(RecordingPlatform.PlatformName, userId), user, "/dashboard"));
        return FindLink(reply) ?? throw new InvalidOperationException("no link in: " + reply);
    }

    /// <summary>Types <c>/dashboard</c> in the console (see <see cref="StartWithConsoleAsync"/>) and returns the link it prints.</summary>
    public static async Task<Uri> LinkFromConsoleAsync(ConsoleKeyboard keyboard, ReplyRecorder screen)
    {
        ArgumentNullException.ThrowIfNull(keyboard);
        ArgumentNullException.ThrowIfNull(screen);
        var printedBefore = screen.Replies.Count;
        keyboard.Type("/dashboard");
        Uri? link = null;
        Assert.True(
            await ReminderHost.WaitUntilAsync(() => Task.FromResult((link = screen.Replies.Skip(printedBefore).Select(FindLink).FirstOrDefault(l => l is not null)) is not null)),
            "the console printed no sign-in link: " + string.Join(" | ", screen.Replies));
        return link!;
    }

    /// <summary>A browser that opened <paramref name="link"/> and pressed its sign-in button.</summary>
    public async Task<DashboardBrowser> SignInAsync(Uri link)
    {
        var browser = new DashboardBrowser(BaseAddress);
        var page = await browser.GetAsync(link.PathAndQuery);
        var signedIn = await browser.SubmitAsync(page, LymphBot.Dashboard.DashboardSignIn.SignInPath);
        return signedIn.Status == System.Net.HttpStatusCode.SeeOther ? browser : throw new InvalidOperationException("sign-in failed: " + signedIn.Status);
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Runs SQL on the host's SQLite file, for rows no command of the bot writes directly.</summary>
    public async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    public static IncomingMessage GroupMessage(string chatId, string userId, string name, bool admin) =>
        new(new ChatAddress(RecordingPlatform.PlatformName, chatId), new ChatUser(RecordingPlatform.PlatformName, userId, name), "/dashboard", ChatKind.Group, AddressesBot: true)
        {
            Facts = new SenderFacts(admin, []),
            DirectChat = new ChatAddress(RecordingPlatform.PlatformName, userId),
        };

    private static async Task<DashboardHost> StartOnFreshDataAsync(string[] configuration, Action<IServiceCollection>? services)
    {
        var data = new TempDirectory();
        var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero)), configuration, services);
        return new DashboardHost(data, host, configuration, services);
    }

    public static Uri? FindLink(string text) => LinkPattern().Match(text) is { Success: true } m ? new Uri(m.Value) : null;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [GeneratedRegex(@"https?://\S+/dashboard/sign-in\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
