using System.Diagnostics;
using System.Text;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// The built host running as a long-lived process with its console chat on and stdin held open, so it runs until
/// the test closes stdin (a clean stop) or kills it (a crash). Every stdout line is kept, so tests can count what
/// the console adapter printed, including reminders sent to <c>console:local</c>.
/// </summary>
public sealed class LymphBotInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stderr = new();
    private readonly Task _readOutput;
    private readonly Task _readError;
    private readonly SemaphoreSlim _outputAllowance = new(0);
    private volatile bool _outputPaused;

    private LymphBotInstance(string name, Process process)
    {
        Name = name;
        _process = process;
        _readOutput = ReadOutputAsync(process.StandardOutput);
        _readError = ReadAsync(process.StandardError, line =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line);
            }
        });
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet LymphBot.dll</c> with the console chat on and the given <c>--Section:Key=value</c> settings;
    /// secrets go in <paramref name="environment"/> (<c>Telegram__Token</c>), where operators put them.
    /// <paramref name="assemblyPath"/>: another build of the host (a publish output); by default the one built beside the tests.
    /// </summary>
    public static LymphBotInstance Start(string name, string workingDirectory, IEnumerable<string> configuration, IReadOnlyDictionary<string, string>? environment = null, string? assemblyPath = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath ?? RepositoryPaths.HostAssembly);
        foreach (var setting in (string[])["--Console:Enabled=true", "--Http:Urls=http://127.0.0.1:0", .. configuration])
        {
            start.ArgumentList.Add(setting);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.Ordinal) || k.StartsWith("Discord__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        return new LymphBotInstance(name, process);
    }

    public int Count(Func<string, bool> predicate)
    {
        lock (_lines)
        {
            return _lines.Count(predicate);
        }
    }

    /// <summary>
    /// Stops reading stdout. Once the pipe is full (64 KiB on Linux), the console adapter's next write blocks, and
    /// with it every send in flight: a reminder burst frozen midway, as if the platform had stopped answering.
    /// Reading resumes when the process is stopped or killed, so nothing it printed is lost.
    /// </summary>
    public void PauseOutput() => _outputPaused = true;

    /// <summary>While paused, reads <paramref name="lines"/> more lines, which lets that much more output through.</summary>
    public void AllowOutput(int lines) => _outputAllowance.Release(lines);

    /// <summary>Waits until the host has started every service: it answers <c>/start</c> only after that.</summary>
    public async Task WaitUntilStartedAsync(TimeSpan timeout)
    {
        await SendLineAsync("/start");
        await WaitUntilAsync(() => Count(l => l.StartsWith("Hi", StringComparison.Ordinal)) > 0, timeout, "answer /start");
    }

    /// <summary>Types a line into the console chat, as its member would: a number presses that button of the last reply.</summary>
    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Polls <paramref name="condition"/>; fails with the host's stderr when it does not hold in time or the host exits.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, TimeSpan, string)"/>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before it could {what}.\n{Diagnostics()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} did not {what} within {timeout}.\n{Diagnostics()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>A crash: the whole process tree is killed at once, then its output is read to the end.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await DrainAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A clean stop: end of input makes the console chat stop the host, which exits 0.</summary>
    public async Task StopAsync()
    {
        _process.StandardInput.Close();
        await DrainAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// A graceful stop from outside, as <c>docker stop</c>, systemd and Kubernetes do it: SIGTERM, then output resumes
    /// and is read to the end. Returns the exit code (the process is killed if it has not exited within 60 s). Linux only.
    /// </summary>
    public async Task<int> TerminateAsync()
    {
        await SendSigtermAsync();
        return await WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Resumes output and waits for the process to exit (killed after <paramref name="timeout"/>); returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await DrainAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM and returns at once: paused output stays paused. Linux only.</summary>
    public async Task SendSigtermAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("SIGTERM is sent with kill(1), which these tests use on Linux only.");
        }

        var kill = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var signal = Process.Start(kill) ?? throw new InvalidOperationException("kill did not start");
        var error = await signal.StandardError.ReadToEndAsync();
        await signal.WaitForExitAsync();
        if (signal.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed ({signal.ExitCode}): {error}");
        }
    }

    public string Diagnostics()
    {
        SaveStacksIfAsked();
        var stderr = StandardError;
        return $"--- {Name} stderr (last 4000 chars) ---\n{(stderr.Length > 4000 ? stderr[^4000..] : stderr)}";
    }

    /// <summary>
    /// A host that is still running when a test gives up on it is hung somewhere: with LYMPHBOT_TEST_STACKS set to a
    /// folder and dotnet-stack installed (<c>dotnet tool install -g dotnet-stack</c>), its threads' stacks are saved
    /// there, which is what a hang that shows up only under load needs.
    /// </summary>
    private void SaveStacksIfAsked()
    {
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-stack");
        if (Environment.GetEnvironmentVariable("LYMPHBOT_TEST_STACKS") is not { Length: > 0 } folder || _process.HasExited || !File.Exists(tool))
        {
            return;
        }

        var report = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true };
        report.ArgumentList.Add("report");
        report.ArgumentList.Add("-p");
        report.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var run = Process.Start(report);
        if (run is null)
        {
            return;
        }

        var stacks = run.StandardOutput.ReadToEnd();
        run.WaitForExit();
        File.WriteAllText(Path.Combine(folder, $"{Name.Replace(' ', '-')}-{_process.Id}.txt"), stacks);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await DrainAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _process.Dispose();
            _outputAllowance.Dispose();
        }
    }

    private async Task DrainAsync(TimeSpan timeout)
    {
        _outputPaused = false;
        _outputAllowance.Release();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        await Task.WhenAll(_readOutput, _readError).WaitAsync(timeout);
    }

    private async Task ReadOutputAsync(StreamReader reader)
    {
        while (true)
        {
            if (_outputPaused)
            {
                await _outputAllowance.WaitAsync();
            }

            if (await reader.ReadLineAsync() is not { } line)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }

    private static async Task ReadAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }
}
