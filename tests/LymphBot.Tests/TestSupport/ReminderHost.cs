using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// The real host (real Quartz, real SQLite file) on a <see cref="FakeTimeProvider"/>, with a recording "test"
/// platform: scheduling tests move the clock instead of waiting for it.
/// </summary>
public sealed class ReminderHost : IAsyncDisposable
{
    private ReminderHost(WebApplication app, FakeTimeProvider time, RecordingPlatform platform)
    {
        App = app;
        Time = time;
        Platform = platform;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public RecordingPlatform Platform { get; }

    public IReminderStore Reminders => App.Services.GetRequiredService<IReminderStore>();

    public IDeliveryHistory Deliveries => App.Services.GetRequiredService<IDeliveryHistory>();

    public static Task<ReminderHost> StartAsync(TempDirectory data, FakeTimeProvider time, params string[] configuration) =>
        StartAsync(data, time, configuration, null);

    /// <summary>Starts the host; <paramref name="configureServices"/> runs last, so it can wrap the real registrations.</summary>
    public static async Task<ReminderHost> StartAsync(TempDirectory data, FakeTimeProvider time, string[] configuration, Action<IServiceCollection>? configureServices)
    {
        var platform = new RecordingPlatform { Time = time };
        var builder = Program.CreateBuilder(
        [
            $"--ConnectionStrings:LymphBot=Data Source={data.Combine("lymphbot.db")}",
            "--Console:Enabled=false",
            "--Http:Urls=http://127.0.0.1:0",
            .. configuration,
        ]);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("LYMPHBOT_TEST_LOGS") == "1")
        {
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Debug);
        }

        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IChatPlatform>(platform);
        configureServices?.Invoke(builder.Services);
        var app = Program.Build(builder);
        await app.StartAsync();
        return new ReminderHost(app, time, platform);
    }

    /// <summary>Subscribes a member of the test platform the way /remind does, without the chat; every day unless a schedule is given.</summary>
    public async Task<ReminderSubscription> SubscribeAsync(string userId, string time, string zone, ReminderSchedule? schedule = null, string? label = null)
    {
        var localTime = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var subscription = new ReminderSubscription(
            0, new ChatUser(RecordingPlatform.PlatformName, userId, userId), new ChatAddress(RecordingPlatform.PlatformName, "chat-" + userId),
            localTime, zone, ReminderState.Active, Time.GetUtcNow());
        var added = await Reminders.AddAsync((schedule is null ? subscription : subscription with { Schedule = schedule }) with { Label = label }, CancellationToken.None);
        await App.Services.GetRequiredService<ISlotScheduler>().EnsureSlotAsync(zone, localTime, CancellationToken.None);
        return added;
    }

    /// <summary>Moves the clock in small steps, giving the scheduler and the sender a moment to act at each.</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var stepSize = step ?? TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += stepSize)
        {
            Time.Advance(stepSize);
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Moves the clock step by step until the condition holds (or <paramref name="max"/> has passed on the fake clock),
    /// so tests do not depend on how quickly the scheduler's threads notice each step.
    /// </summary>
    public async Task<bool> AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan max, TimeSpan? step = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var stepSize = step ?? TimeSpan.FromSeconds(5);
        var deadline = Time.GetUtcNow() + max;
        var realTime = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (Time.GetUtcNow() >= deadline || realTime.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            Time.Advance(stepSize);
            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>
    /// Waits on the real clock, without moving the fake one, for work that follows a send rather than a time: the
    /// outcome is recorded after the platform has answered, so it can land a moment after the message.
    /// </summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var realTime = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (realTime.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    public Task<bool> AdvanceUntilSentAsync(int count, TimeSpan max, TimeSpan? step = null) =>
        AdvanceUntilAsync(() => Task.FromResult(Platform.All.Count >= count), max, step);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
