using LymphBot.Core.Chat;
using Telegram.Bot.Exceptions;

namespace LymphBot.Telegram.Sending;

/// <summary>Reads Bot API errors as Core's <see cref="SendFailure"/>: whether retrying can help.</summary>
public static class TelegramErrors
{
    public static SendFailure Classify(ApiRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ErrorCode switch
        {
            429 => SendFailure.RateLimited,
            >= 500 => SendFailure.Transient,
            403 => SendFailure.Unreachable,
            400 when IsUnreachable(exception.Message) => SendFailure.Unreachable,
            _ => SendFailure.Rejected,
        };
    }

    /// <summary>Telegram could not parse the HTML; the same text sent without formatting will go through.</summary>
    public static bool IsFormattingError(ApiRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ErrorCode == 400 && exception.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);
    }

    public static TimeSpan RetryAfter(ApiRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return TimeSpan.FromSeconds(Math.Max(1, exception.Parameters?.RetryAfter ?? 1));
    }

    /// <summary>
    /// The request surely did not reach the Bot API, or Telegram answered that it did not handle it: the connection
    /// could not be made (refused, no DNS, TLS), or a 5xx came back. Sending again cannot make a duplicate. A timeout,
    /// or a connection lost after the request went out, is not such a case: the message may have been posted.
    /// </summary>
    public static bool SurelyNotSent(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is ApiRequestException { ErrorCode: >= 500 } || (exception is RequestException { HttpStatusCode: { } status } && (int)status >= 500))
        {
            return true;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
            {
                return true;
            }
        }

        return false;
    }

    // 400s that mean the chat itself is out of reach rather than that the message was wrong.
    private static bool IsUnreachable(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("bot was kicked", StringComparison.OrdinalIgnoreCase)
        || description.Contains("not enough rights to send", StringComparison.OrdinalIgnoreCase)
        || description.Contains("have no rights to send", StringComparison.OrdinalIgnoreCase)
        || description.Contains("chat was upgraded", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase);
}
