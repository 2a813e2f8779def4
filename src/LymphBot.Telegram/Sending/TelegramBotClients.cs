using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace LymphBot.Telegram.Sending;

/// <summary>
/// Creates Telegram.Bot clients over the factory's <c>telegram_bot_client</c> HttpClient, whose loggers are removed:
/// the token is part of every request URI, so nothing may log those URIs.
/// </summary>
public sealed class TelegramBotClients(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram_bot_client";

    private readonly Lazy<TelegramBotClientOptions> _clientOptions = new(() => CreateOptions(options.Value));

    /// <summary>The bot's user id, which is the number before the colon in the token.</summary>
    public long BotId => _clientOptions.Value.BotId;

    /// <summary>A client for one operation; cheap, and it lets the factory rotate connections.</summary>
    public ITelegramBotClient Create() => new TelegramBotClient(_clientOptions.Value, httpClients.CreateClient(HttpClientName));

    private static TelegramBotClientOptions CreateOptions(TelegramOptions options)
    {
        var official = string.Equals(options.ApiBaseUrl.TrimEnd('/'), TelegramOptions.OfficialApiBaseUrl, StringComparison.OrdinalIgnoreCase);
        return new TelegramBotClientOptions(options.Token!, official ? null : options.ApiBaseUrl)
        {
            // 429 is flood control for the whole bot: the pacer pauses every send, so the library must never sleep on it.
            RetryThreshold = 0,
            RetryCount = 1,
        };
    }
}
