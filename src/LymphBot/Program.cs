using LymphBot.Cli;
using LymphBot.Configuration;
using LymphBot.ConsoleChat;
using LymphBot.Core;
using LymphBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LymphBot;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var invocation = CliParser.Parse(args);
        if (invocation.Error is { } error)
        {
            await Console.Error.WriteLineAsync($"lymphbot: {error}");
            return ExitCodes.Usage;
        }

        try
        {
            return invocation.Verb switch
            {
                CliVerb.Help => await PrintUsageAsync(),
                CliVerb.Run => await RunAsync(invocation),
                _ => await NotYetAsync(invocation.Verb),
            };
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } line)
        {
            await Console.Error.WriteLineAsync($"lymphbot: configuration error: {line}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The composition root: one line per feature. Tests build the same host through this method.</summary>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyList<string> configurationArguments)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // appsettings.json and knowledge/ travel with the binaries, so the app behaves the same from any folder.
            ContentRootPath = AppContext.BaseDirectory,
            Args = [.. configurationArguments],
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddLymphBotCore();
        builder.AddLymphBotStorage();
        builder.AddConsoleChat();
        return builder;
    }

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        using var host = CreateBuilder(invocation.ConfigurationArguments).Build();

        // Validate options before starting, so a bad value is one line from Main rather than a logged stack trace.
        host.Services.GetService<IStartupValidator>()?.Validate();
        await host.RunAsync();
        return ExitCodes.Success;
    }

    private static async Task<int> PrintUsageAsync()
    {
        await Console.Out.WriteLineAsync(CliUsage.Text);
        return ExitCodes.Success;
    }

    private static async Task<int> NotYetAsync(CliVerb verb)
    {
        await Console.Error.WriteLineAsync($"lymphbot: '{verb.ToString().ToLowerInvariant()}' needs the knowledge base, which this build does not have yet.");
        return ExitCodes.Failure;
    }
}
