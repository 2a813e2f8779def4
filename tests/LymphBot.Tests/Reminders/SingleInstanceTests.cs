using System.Diagnostics;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Reminders;

/// <summary>Two processes on one SQLite file would fire every trigger twice: the second must refuse to start.</summary>
public sealed class SingleInstanceTests
{
    [Fact]
    public async Task SecondInstanceOnSameSqliteFile_RefusesWithClearMessage_ExitCode2()
    {
        using var work = new TempDirectory();
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.HostAssembly, "--Http:Urls=http://127.0.0.1:0"])
        {
            WorkingDirectory = work.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var first = Process.Start(start)!;
        try
        {
            // The first instance is up once it answers.
            await first.StandardInput.WriteLineAsync("/start");
            await first.StandardInput.FlushAsync();
            var line = await first.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith("Hi", line, StringComparison.Ordinal);

            var second = await LymphBotProcess.RunAsync([], "/help\n", work.Path);

            Assert.Equal(2, second.ExitCode);
            Assert.Contains("another LymphBot instance is already using the SQLite database", second.StandardError, StringComparison.Ordinal);
            Assert.Contains("Storage:Provider=Postgres", second.StandardError, StringComparison.Ordinal);
            Assert.Empty(second.StandardOutput);
        }
        finally
        {
            first.StandardInput.Close();
            await first.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(0, first.ExitCode);
    }
}
