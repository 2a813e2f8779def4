using LymphBot.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.ConsoleChat;

public static class ConsoleChatServiceCollectionExtensions
{
    /// <summary>
    /// Adds the terminal chat when <c>Console:Enabled</c> is true, or when it is unset and no platform token
    /// is configured, so a fresh clone runs with no configuration at all.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        var anyPlatformToken = !string.IsNullOrWhiteSpace(builder.Configuration["Telegram:Token"])
            || !string.IsNullOrWhiteSpace(builder.Configuration["Discord:Token"]);
        if (!(options.Enabled ?? !anyPlatformToken))
        {
            return builder;
        }

        // A person chatting in a terminal shares it with the logs: keep those to warnings and errors there.
        if (!Console.IsInputRedirected)
        {
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
        }

        builder.Services.TryAddSingleton(_ => ConsoleStreams.FromSystemConsole());
        builder.Services.AddSingleton<ConsoleChatPlatform>();
        builder.Services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<ConsoleChatPlatform>());
        builder.Services.AddHostedService<ConsoleChatService>();
        return builder;
    }
}
