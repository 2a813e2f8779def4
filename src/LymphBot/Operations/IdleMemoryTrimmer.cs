using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.Operations;

/// <summary>
/// Gives memory back to the operating system when the bot goes quiet after work (<see cref="MemoryTrimPolicy"/>): one
/// aggressive, compacting collection, then <c>malloc_trim</c> on glibc. A bot idles most of the day, so what start-up and
/// bursts leave behind would otherwise stay in its working set. <c>Memory:TrimWhenIdle</c> = false turns it off.
/// </summary>
public sealed partial class IdleMemoryTrimmer : IHostedService, IDisposable
{
    public const string EnabledKey = "Memory:TrimWhenIdle";

    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<IdleMemoryTrimmer> _logger;
    private readonly Func<ProcessActivity> _readActivity;
    private readonly bool _enabled;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private ProcessActivity _lastCheck;
    private ProcessActivity _lastTrim;

    public IdleMemoryTrimmer(IHostApplicationLifetime lifetime, IConfiguration configuration, TimeProvider time, ILogger<IdleMemoryTrimmer> logger)
        : this(lifetime, configuration, time, logger, ProcessActivity.Read)
    {
    }

    /// <summary>Tests pass the activity readings: the real ones are shared by every test running in the process.</summary>
    internal IdleMemoryTrimmer(IHostApplicationLifetime lifetime, IConfiguration configuration, TimeProvider time, ILogger<IdleMemoryTrimmer> logger, Func<ProcessActivity> readActivity)
    {
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
        _readActivity = readActivity;
        _enabled = configuration.GetValue(EnabledKey, true);
    }

    /// <summary>Raised after every trim (tests wait on it).</summary>
    public event Action? Trimmed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_enabled)
        {
            // The last trim is the process start, so starting up counts as work; the first interval is measured from here.
            _lifetime.ApplicationStarted.Register(() =>
            {
                lock (_gate)
                {
                    _lastCheck = _readActivity();
                }

                _timer = _time.CreateTimer(_ => Check(), null, MemoryTrimPolicy.CheckInterval, MemoryTrimPolicy.CheckInterval);
            });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void Check()
    {
        lock (_gate)
        {
            var now = _readActivity();
            var trim = MemoryTrimPolicy.ShouldTrim(now - _lastCheck, now - _lastTrim);
            _lastCheck = now;
            if (!trim)
            {
                return;
            }

            Trim();
            _lastTrim = _lastCheck = _readActivity();
        }

        Trimmed?.Invoke();
    }

    private void Trim()
    {
        var before = (Committed: GC.GetGCMemoryInfo().TotalCommittedBytes, WorkingSet: Environment.WorkingSet);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
        LogTrimmed(Mebibytes(before.Committed), Mebibytes(GC.GetGCMemoryInfo().TotalCommittedBytes), Mebibytes(before.WorkingSet), Mebibytes(Environment.WorkingSet));
    }

    /// <summary>The JIT's scratch memory comes from malloc; glibc keeps freed arenas resident until asked.</summary>
    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = NativeMethods.MallocTrim(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): the collection above is all there is.
        }
    }

    private static double Mebibytes(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Memory trimmed while idle: GC committed {CommittedBeforeMiB} -> {CommittedAfterMiB} MiB, working set {WorkingSetBeforeMiB} -> {WorkingSetAfterMiB} MiB")]
    private partial void LogTrimmed(double committedBeforeMiB, double committedAfterMiB, double workingSetBeforeMiB, double workingSetAfterMiB);
}
