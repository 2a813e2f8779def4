using LymphBot.ConsoleChat;
using LymphBot.Testing.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// Runs the real host in-process with the console adapter reading the given lines, as if piped, and
/// returns what it printed once the input ends and the host stops by itself.
/// </summary>
public static class ConsoleSession
{
    public static Task<IReadOnlyList<string>> RunAsync(TempDirectory data, params string[] lines) => RunAsync(data, [], lines);

    public static async Task<IReadOnlyList<string>> RunAsync(TempDirectory data, string[] configuration, params string[] lines)
    {
        var input = new StringReader(string.Join('\n', lines) + "\n");
        var output = new ReplyRecorder();
        var builder = Program.CreateBuilder(
        [
            $"--ConnectionStrings:LymphBot=Data Source={data.Combine("lymphbot.db")}",
            "--Console:Enabled=true",
            "--Http:Urls=http://127.0.0.1:0",
            .. configuration,
        ]);
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(new ConsoleStreams(input, output, isInteractive: false)));
        await using var host = Program.Build(builder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the host did not stop at the end of input");
        return output.Replies;
    }
}
