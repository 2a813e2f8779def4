using System.Diagnostics;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.TestSupport;

/// <summary>Runs the built host as a separate process, the way a user or the container runs it.</summary>
public static class LymphBotProcess
{
    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> args,
        string? standardInput = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? assemblyPath = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath ?? RepositoryPaths.HostAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean environment for the bot's own settings: nothing from the developer's shell leaks in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.Ordinal) || k.StartsWith("Discord__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Http__Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lymphbot {string.Join(' ', start.ArgumentList)} did not exit in time. stderr: {await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
