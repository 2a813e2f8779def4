using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Mapping;

namespace LymphBot.Telegram.Sending;

/// <summary>
/// Counts every Bot API call by method and HTTP status (Telegram's <c>error_code</c> is the HTTP status), or by the
/// transport failure when no response came. The method is the last segment of <c>/bot{token}/{method}</c>; nothing
/// else of the URI is read, because the rest is the token.
/// </summary>
public sealed class TelegramApiMetricsHandler(LymphBotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = MethodOf(request.RequestUri);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Our per-call timeouts cancel the request, so a timeout and a shutdown both read as "cancelled".
            metrics.RecordPlatformResponse(TelegramMapping.Platform, method, null, ex is OperationCanceledException ? "cancelled" : ex.GetType().Name);
            throw;
        }

        metrics.RecordPlatformResponse(TelegramMapping.Platform, method, (int)response.StatusCode);
        return response;
    }

    internal static string MethodOf(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments.Length >= 2 && segments[^2].StartsWith("bot", StringComparison.Ordinal) && IsMethodName(segments[^1])
            ? segments[^1]
            : "other";
    }

    // Bot API method names are ASCII letters only; anything else (a file path) is not a method.
    private static bool IsMethodName(string segment) => segment.Length is > 0 and <= 64 && segment.All(char.IsAsciiLetter);
}
