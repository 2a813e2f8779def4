using System.Diagnostics;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.Packaging;

/// <summary>Publishes the host once, with the same command as the Dockerfile, into a temporary folder.</summary>
public sealed class PublishedAppFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();

    public string Folder => _folder.Combine("out");

    public string Assembly => Path.Combine(Folder, "LymphBot.dll");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet", ["publish", "src/LymphBot", "-c", "Release", "-o", Folder, "-p:UseAppHost=false"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await error}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
