using LymphBot.Cli;
using LymphBot.Configuration;
using LymphBot.ConsoleChat;
using LymphBot.Core;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Tips;
using LymphBot.Dashboard;
using LymphBot.Discord;
using LymphBot.Http;
using LymphBot.Knowledge;
using LymphBot.Operations;
using LymphBot.Reminders;
using LymphBot.Storage;
using LymphBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
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
                CliVerb.Ask => await AskAsync(invocation),
                CliVerb.Probe => await ProbeVerb.RunAsync(invocation, Console.Error),
                _ => await KbAsync(invocation),
            };
        }
        catch (Exception ex) when (StartupErrors.Describe(ex) is { } line)
        {
            await Console.Error.WriteLineAsync($"lymphbot: configuration error: {line}");
            return ExitCodes.Usage;
        }
        catch (InstanceConflictException ex)
        {
            await Console.Error.WriteLineAsync($"lymphbot: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (StorageUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"lymphbot: storage: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (KnowledgeLoadException ex)
        {
            foreach (var problem in ex.Problems)
            {
                await Console.Error.WriteLineAsync($"lymphbot: knowledge: {problem}");
            }

            await Console.Error.WriteLineAsync($"lymphbot: the knowledge base could not be loaded ({ex.Problems.Count} problem(s)); run 'lymphbot kb check'.");
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
        // The slim builder leaves out what a Linux bot never uses and an idle one still loaded: IIS integration, the
        // QUIC transport, the Debug and EventSource log providers, static web assets, hosting startup assemblies
        // (2 MiB of an idle working set). HTTPS in Http:Urls still works through the line below it...
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // appsettings.json and knowledge/ travel with the binaries, so the app behaves the same from any folder.
            ContentRootPath = AppContext.BaseDirectory,
            Args = [.. configurationArguments],
        });
        builder.WebHost.UseKestrelHttpsConfiguration();

        // ...nor does it read the Metrics section (Metrics:EnabledMetrics turns on meters such as System.Runtime).
        builder.Services.AddMetrics(metrics => metrics.AddConfiguration(builder.Configuration.GetSection("Metrics")));

        // The slim builder's console logger is fixed to the simple format; Logging:Console (FormatterName=json, its
        // FormatterOptions) decides again, as with the full builder.
        builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // Graceful shutdown: in-flight replies and deliveries get this long to finish after SIGTERM.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("Shutdown:Timeout", TimeSpan.FromSeconds(30)));

        builder.AddLymphBotHttp();
        builder.Services.AddLymphBotCore(builder.Configuration);
        builder.AddLymphBotStorage();
        builder.AddLymphBotKnowledge();
        builder.AddLymphBotReminders();
        builder.Services.AddTipsAndPrivacy();
        builder.AddConsoleChat();
        builder.AddTelegram();
        builder.AddDiscord();
        builder.AddLymphBotDashboard();
        builder.Services.AddHostedService<StartupSummary>();
        builder.Services.AddHostedService<IdleMemoryTrimmer>();
        return builder;
    }

    /// <summary>The HTTP surface: one line per feature that serves endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapLymphBotHttp();
        app.MapTelegramWebhook();
        app.MapLymphBotDashboard();
        return app;
    }

    private static async Task<int> RunAsync(CliInvocation invocation)
    {
        await using var host = Build(CreateBuilder(invocation.ConfigurationArguments));

        // Validate options before starting, so a bad value is one line from Main rather than a logged stack trace.
        host.Services.GetService<IStartupValidator>()?.Validate();
        host.Services.GetRequiredService<KnowledgeBase>();
        await host.Services.GetRequiredService<StorageInitializer>().PrepareAsync(CancellationToken.None);
        await host.RunAsync();
        return ExitCodes.Success;
    }

    private static async Task<int> PrintUsageAsync()
    {
        await Console.Out.WriteLineAsync(CliUsage.Text);
        return ExitCodes.Success;
    }

    /// <summary>The ask and kb verbs print results, not a chat: no console adapter, only warnings logged.</summary>
    private static readonly string[] QuietVerb = ["--Console:Enabled=false", "--Logging:LogLevel:Default=Warning"];

    private static async Task<int> AskAsync(CliInvocation invocation)
    {
        await using var app = Build(CreateBuilder([.. invocation.ConfigurationArguments, .. QuietVerb]));
        app.Services.GetService<IStartupValidator>()?.Validate();
        return await AskVerb.RunAsync(invocation, app.Services.GetRequiredService<KnowledgeBase>(), Console.In, Console.Out);
    }

    private static async Task<int> KbAsync(CliInvocation invocation)
    {
        await using var app = Build(CreateBuilder([.. invocation.ConfigurationArguments, .. QuietVerb]));
        var folder = app.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path!;
        return await KbVerb.RunAsync(invocation, folder, app.Services.GetRequiredService<KnowledgeBase>, ApprovedAsync, Console.Out, Console.Error);

        async Task<IReadOnlyList<SuggestedPhrasing>> ApprovedAsync()
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            return await app.Services.GetRequiredService<ISuggestedPhrasingStore>().ListAsync(SuggestionStatus.Approved, CancellationToken.None);
        }
    }
}
