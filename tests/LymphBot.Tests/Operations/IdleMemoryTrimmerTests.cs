using LymphBot.Operations;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Operations;

public sealed class IdleMemoryTrimmerTests : IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly FakeTimeProvider _time = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly List<string> _logs = [];
    private readonly ILoggerFactory _loggers;
    private ProcessActivity _activity = new(60 * MiB, 11_000);
    private int _trims;

    public IdleMemoryTrimmerTests() => _loggers = LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Debug));

    [Fact]
    public async Task QuietAfterStart_TrimsOnce_AndLogsWhatItFreed()
    {
        using var trimmer = await StartAsync();

        _lifetime.NotifyStarted();
        Idle(MemoryTrimPolicy.CheckInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _trims);
        Idle(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _trims);
        Idle(TimeSpan.FromMinutes(1));

        Assert.Equal(1, _trims);
        Assert.Single(_logs, l => l.Contains("Memory trimmed while idle: GC committed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BeforeTheHostHasStarted_NothingHappens()
    {
        using var trimmer = await StartAsync();

        Idle(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _trims);
    }

    [Fact]
    public async Task WorkAfterTheFirstTrim_TrimsAgain_OnceItHasSettled()
    {
        using var trimmer = await StartAsync();
        _lifetime.NotifyStarted();
        Idle(MemoryTrimPolicy.CheckInterval);
        Assert.Equal(1, _trims);

        // The first update from a platform: thousands of methods compiled over two checks.
        Work(new ProcessActivity(1 * MiB, 2_000));
        Assert.Equal(1, _trims);
        Work(new ProcessActivity(0, 900));
        Assert.Equal(1, _trims);
        Idle(MemoryTrimPolicy.CheckInterval);

        Assert.Equal(2, _trims);
    }

    [Fact]
    public async Task TurnedOff_NeverTrims()
    {
        using var trimmer = await StartAsync(enabled: false);
        _lifetime.NotifyStarted();

        Idle(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _trims);
    }

    public void Dispose()
    {
        _loggers.Dispose();
        _lifetime.StopApplication();
    }

    private async Task<IdleMemoryTrimmer> StartAsync(bool enabled = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [IdleMemoryTrimmer.EnabledKey] = enabled ? "true" : "false" })
            .Build();
        var trimmer = new IdleMemoryTrimmer(_lifetime, configuration, _time, _loggers.CreateLogger<IdleMemoryTrimmer>(), () => _activity);
        trimmer.Trimmed += () => _trims++;
        await trimmer.StartAsync(CancellationToken.None);
        return trimmer;
    }

    /// <summary>Moves the clock with the process quiet: heartbeats and polls, a few KiB a second.</summary>
    private void Idle(TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += step < by - moved ? step : by - moved)
        {
            _activity = new ProcessActivity(_activity.AllocatedBytes + (20 * 1024), _activity.CompiledMethods);
            _time.Advance(step < by - moved ? step : by - moved);
        }
    }

    /// <summary>One check interval during which the process did <paramref name="work"/>.</summary>
    private void Work(ProcessActivity work)
    {
        _activity = new ProcessActivity(_activity.AllocatedBytes + work.AllocatedBytes, _activity.CompiledMethods + work.CompiledMethods);
        _time.Advance(MemoryTrimPolicy.CheckInterval);
    }
}
