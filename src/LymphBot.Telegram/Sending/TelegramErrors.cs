using LymphBot.Core.Sending;
using LymphBot.Telegram.Mapping;
using Telegram.Bot.Exceptions;

namespace LymphBot.Telegram.Sending;

/// <summary>Reads what the Bot API (or the network) said about one send as Core's <see cref="SendReport"/>.</summary>
public static class TelegramErrors
{
    /// <summary>An error Telegram answered with: the request reached it, and it says what it did not do.</summary>
    public static SendReport Classify(ApiRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = $"error {exception.ErrorCode}: {exception.Message}";
        return exception switch
        {
            { ErrorCode: 429 } => new SendReport(SendOutcome.RateLimited, detail) { RetryAfter = RetryAfter(exception) },
            { Parameters.MigrateToChatId: { } newChat } => new SendReport(SendOutcome.Moved, detail) { MovedTo = TelegramMapping.ToAddress(newChat) },
            { ErrorCode: >= 500 } => new SendReport(SendOutcome.NotSent, detail),
            { ErrorCode: 403 } => new SendReport(SendOutcome.Unreachable, detail),
            { ErrorCode: 400 } when IsUnreachable(exception.Message) => new SendReport(SendOutcome.Unreachable, detail),
            { ErrorCode: 400 } when exception.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase) => new SendReport(SendOutcome.Formatting, detail),
            _ => new SendReport(SendOutcome.Rejected, detail),
        };
    }

    /// <summary>
    /// No answer Telegram could be heard to give: either it surely did not get the request (no connection, no DNS,
    /// TLS failed; or a 5xx came back), so sending again cannot make a duplicate, or the request left and the answer
    /// did not come (a timeout, a connection cut mid-way), so the message may have been posted.
    /// </summary>
    public static SendOutcome ClassifyTransport(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is RequestException { HttpStatusCode: { } status } && (int)status >= 500)
        {
            return SendOutcome.NotSent;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
            {
                return SendOutcome.NotSent;
            }
        }

        return SendOutcome.Unknown;
    }

    /// <summary>
    /// The failure in words an operator can act on: the client's message, then each cause under it ("Connection
    /// reset by peer", "The response ended prematurely"), which the top message ("An error occurred while sending
    /// the request") hides.
    /// </summary>
    public static string DescribeTransport(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var messages = new List<string>();
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (!messages.Exists(m => m.Contains(inner.Message, StringComparison.Ordinal)))
            {
                messages.Add(inner.Message);
            }
        }

        return string.Join(" <- ", messages);
    }

    /// <summary>
    /// A 2xx whose body the client could not read (a field it does not know how to parse, a date out of range): the
    /// message was posted, and sending it again would post it twice.
    /// </summary>
    public static bool IsUnreadableSuccess(RequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is not ApiRequestException && exception.HttpStatusCode is { } status && (int)status is >= 200 and < 300;
    }

    /// <summary>An edit refused because it would change nothing (the same press twice): the message already says it.</summary>
    public static bool IsUnchangedEdit(SendReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Outcome == SendOutcome.Rejected && report.Detail.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);
    }

    public static TimeSpan RetryAfter(ApiRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return TimeSpan.FromSeconds(Math.Max(1, exception.Parameters?.RetryAfter ?? 1));
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
