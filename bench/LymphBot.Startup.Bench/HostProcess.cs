using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LymphBot.Startup.Bench;

/// <summary>
/// <c>dotnet LymphBot.dll</c> as a child process on a free loopback port, logging JSON lines with UTC timestamps to
/// standard error, so the bench can time its start from the outside (the first 200 from <c>/readyz</c>) and read the
/// host's own timeline (when each log line was written) afterwards.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly DateTimeOffset _startedAt;
    private readonly long _startedTicks;
    private readonly List<LogLine> _log = [];
    private readonly Task _readError;
    private readonly Task _readOutput;

    private HostProcess(Process process, DateTimeOffset startedAt, long startedTicks, Uri baseUrl)
    {
        _process = process;
        _startedAt = startedAt;
        _startedTicks = startedTicks;
        BaseUrl = baseUrl;
        _readError = ReadLogAsync(process.StandardError);
        _readOutput = process.StandardOutput.ReadToEndAsync();
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    public IReadOnlyList<LogLine> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Starts the host with <c>--Key=value</c> settings and extra environment variables (tokens go there).</summary>
    public static HostProcess Start(string hostAssembly, string workingDirectory, IEnumerable<string> configuration, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostAssembly);
        string[] settings =
        [
            $"--Http:Urls=http://127.0.0.1:{port}",
            "--Logging:Console:FormatterName=json",
            "--Logging:Console:FormatterOptions:TimestampFormat=o",
            "--Logging:Console:FormatterOptions:UseUtcTimestamp=true",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. configuration,
        ];
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        // Nothing from the developer's shell decides what the host runs: no tokens, no runtime knobs, unless given here.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.Ordinal) || k.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var startedAt = TimeProvider.System.GetUtcNow();
        var startedTicks = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        return new HostProcess(process, startedAt, startedTicks, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Polls <c>/readyz</c> every 10 ms; returns the time from process start to the first 200, and its body.</summary>
    public async Task<(TimeSpan Elapsed, string Body)> WaitUntilReadyAsync(TimeSpan timeout)
    {
        var readyz = new Uri(BaseUrl, "/readyz");
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync(readyz);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var elapsed = Stopwatch.GetElapsedTime(_startedTicks);
                    return (elapsed, await response.Content.ReadAsStringAsync());
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited ({_process.ExitCode}) before it was ready:\n{Tail()}");
            }

            if (Stopwatch.GetElapsedTime(_startedTicks) > timeout)
            {
                throw new TimeoutException($"the host was not ready within {timeout}:\n{Tail()}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>When the host wrote the first log line of <paramref name="category"/> containing <paramref name="text"/>, from process start.</summary>
    public TimeSpan? LoggedAt(string category, string text = "") =>
        Log.FirstOrDefault(l => l.Category == category && l.Message.Contains(text, StringComparison.Ordinal)) is { } line ? line.At : null;

    public async Task<string> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(BaseUrl, path));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>SIGTERM, as the container runtime stops it; killed if it has not exited after 30 s.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        await Task.WhenAll(_readError, _readOutput);
    }

    public string Tail()
    {
        var lines = Log.TakeLast(15).Select(l => $"  {l.At.TotalMilliseconds,8:0} ms {l.Level} {l.Category}: {l.Message}");
        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task ReadLogAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } text)
        {
            var line = LogLine.Parse(text, _startedAt);
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }
}
