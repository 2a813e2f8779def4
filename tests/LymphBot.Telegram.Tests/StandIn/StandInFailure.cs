namespace LymphBot.Telegram.Tests.StandIn;

/// <summary>A scripted answer instead of success: a Bot API error, a non-JSON 5xx, or no answer at all.</summary>
public sealed record StandInFailure(int StatusCode, string Description, int? RetryAfter = null, bool Html = false, bool Hang = false)
{
    public static StandInFailure TooManyRequests(int retryAfter) => new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static StandInFailure Blocked() => new(403, "Forbidden: bot was blocked by the user");

    public static StandInFailure ChatNotFound() => new(400, "Bad Request: chat not found");

    public static StandInFailure CantParseEntities() => new(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0");

    public static StandInFailure BadGateway() => new(502, "<html><body>502 Bad Gateway</body></html>", Html: true);

    public static StandInFailure InternalError() => new(500, "Internal Server Error");

    public static StandInFailure NoAnswer() => new(0, "hang", Hang: true);
}
