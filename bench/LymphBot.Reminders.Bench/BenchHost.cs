using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// The real host, built as production builds it (Program.CreateBuilder + Program.Build): Quartz with its persistent
/// store, the stores, the fan-out and the outbox sender, on a <see cref="FakeTimeProvider"/> and with the bench's
/// chat platform. Only warnings are logged.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private bool _disposed;

    private BenchHost(WebApplication app, FakeTimeProvider time, SlotFireListener fires)
    {
        App = app;
        Time = time;
        Fires = fires;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public SlotFireListener Fires { get; }

    public IReminderStore Reminders => App.Services.GetRequiredService<IReminderStore>();

    public ISlotScheduler Slots => App.Services.GetRequiredService<ISlotScheduler>();

    public static async Task<BenchHost> StartAsync(BenchStore store, FakeTimeProvider time, IChatPlatform platform, params string[] configuration)
    {
        var builder = Program.CreateBuilder(
        [
            .. store.Configuration,
            "--Console:Enabled=false",
            "--Http:Urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            .. configuration,
        ]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(platform);
        var app = Program.Build(builder);
        await app.StartAsync();

        var fires = new SlotFireListener();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(fires, [Matchers.AllJobs()]);
        return new BenchHost(app, time, fires);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
