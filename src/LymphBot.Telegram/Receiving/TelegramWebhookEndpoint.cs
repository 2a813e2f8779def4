using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// Receives updates Telegram posts in webhook mode: checks the secret header in fixed time (401 otherwise), queues
/// the update and answers 200 at once; the answer itself goes out through the Bot API like any other.
/// </summary>
public sealed partial class TelegramWebhookEndpoint(
    TelegramUpdateIntake intake,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookEndpoint> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString()))
        {
            LogWrongSecret();
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        // Full: 503 makes Telegram deliver the update again later instead of it being lost here. A skipped update gets
        // 200 like a queued one: Telegram would otherwise deliver it again, forever.
        return intake.Accept(update) == TelegramIntakeResult.Full
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Ok();
    }

    internal bool SecretMatches(string presented) =>
        _secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook request without the right secret token was refused")]
    private partial void LogWrongSecret();
}
