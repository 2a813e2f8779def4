using LymphBot.Cli;
using LymphBot.Configuration;
using LymphBot.ConsoleChat;
using LymphBot.Core;
using LymphBot.Discord;
using LymphBot.Http;
using LymphBot.Storage;
using LymphBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
        {
            await Console.Error.WriteLineAsync($"lymphbot: cannot listen for HTTP: {ex.Message} Set Http:Urls to a free address.");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The composition root: one line per feature. Tests build the same host through this method.</summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyList<string> configurationArguments)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // appsettings.json and knowledge/ travel with the binaries, so the app behaves the same from any folder.
            ContentRootPath = AppContext.BaseDirectory,
            Args = [.. configurationArguments],
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.AddLymphBotHttp();
        builder.Services.AddLymphBotCore();
        builder.AddLymphBotStorage();
        builder.AddConsoleChat();
        builder.AddTelegram();
        builder.AddDiscord();
        return builder;
    }

    /// <summary>The HTTP surface: one line per feature that serves endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapLymphBotHttp();
        app.MapTelegramWebhook();
        return app;
    }

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        await using var host = Build(CreateBuilder(invocation.ConfigurationArguments));

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
