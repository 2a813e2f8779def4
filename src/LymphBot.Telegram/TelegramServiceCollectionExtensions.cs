using LymphBot.Core.Chat;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LymphBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Telegram adapter when <c>Telegram:Token</c> is set (does nothing otherwise): options from section
    /// <c>Telegram</c> validated at start, the Bot API client (its HttpClient without loggers, so the token in request
    /// URIs is never logged), <see cref="TelegramChatPlatform"/> as an <see cref="IChatPlatform"/>, and the receiver
    /// (long polling, or the webhook mapped by <see cref="MapTelegramWebhook"/>). Requires Core
    /// (<c>AddLymphBotCore</c>) and an <see cref="IChatReachability"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelegramOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(TelegramOptions.Token)]))
        {
            return builder;
        }

        TelegramJson.UseGeneratedMetadata();
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Timeouts are ours (per call, RequestTimeout and PollTimeout), so the client's own is off.
        services.AddHttpClient(TelegramBotClients.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new TelegramApiMetricsHandler(sp.GetRequiredService<LymphBotMetrics>()));
        services.AddSingleton<TelegramBotClients>();
        services.AddSingleton<TelegramStatus>();
        services.AddSingleton<IPlatformHealth>(sp => sp.GetRequiredService<TelegramStatus>());
        services.AddSingleton<TelegramSendPacer>();
        services.AddSingleton<TelegramChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TelegramChatPlatform>());
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<TelegramChatAdmins>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramUpdateDispatcher>();
        services.AddSingleton<TelegramUpdateIntake>();
        services.AddSingleton<TelegramWebhookEndpoint>();
        services.AddHostedService<TelegramReceiver>();
        return builder;
    }

    /// <summary>
    /// In webhook mode, maps <c>POST</c> at the path of <c>Telegram:WebhookUrl</c> (default <c>/telegram/webhook</c>) on
    /// the host's Kestrel. Does nothing when the adapter is not added or runs in polling mode.
    /// </summary>
    public static WebApplication MapTelegramWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<TelegramWebhookEndpoint>() is null)
        {
            return app;
        }

        var options = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.ParsedMode != TelegramMode.Webhook)
        {
            return app;
        }

        app.MapPost(options.WebhookPath, (HttpContext context, TelegramWebhookEndpoint endpoint) => endpoint.HandleAsync(context));
        return app;
    }
}
