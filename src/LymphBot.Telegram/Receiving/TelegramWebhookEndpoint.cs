using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Mapping;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// Receives updates Telegram posts in webhook mode: checks the secret header in fixed time (401 otherwise), queues
/// the update and answers 200 at once; the answer itself goes out through the Bot API like any other. An update that
/// cannot be read or mapped is answered 200 as well, so Telegram does not deliver it again and again.
/// </summary>
public sealed partial class TelegramWebhookEndpoint(
    TelegramUpdateIntake intake,
    LymphBotMetrics metrics,
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

        // Read on its own, like each polled update: one the client cannot parse is logged, counted and skipped.
        JsonElement raw;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            raw = body.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            LogNotJson(ex.GetType().Name);
            metrics.RecordUpdateSkipped(TelegramMapping.Platform, "malformed");
            return Results.Ok();
        }

        // Full: 503 makes Telegram deliver the update again later instead of it being lost here. A skipped update gets
        // 200 like a queued one: Telegram would otherwise deliver it again, forever.
        return intake.Accept(TelegramUpdateJson.Read(raw), raw) == TelegramIntakeResult.Full
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Ok();
    }

    internal bool SecretMatches(string presented) =>
        _secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a Telegram webhook request whose body is not JSON ({Error})")]
    private partial void LogNotJson(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook request without the right secret token was refused")]
    private partial void LogWrongSecret();
}
