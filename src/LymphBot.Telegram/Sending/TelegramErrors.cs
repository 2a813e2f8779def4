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

    // 400s that mean the chat itself is out of reach rather than that the message was wrong.
    private static bool IsUnreachable(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("bot was kicked", StringComparison.OrdinalIgnoreCase)
        || description.Contains("not enough rights to send", StringComparison.OrdinalIgnoreCase)
        || description.Contains("have no rights to send", StringComparison.OrdinalIgnoreCase)
        || description.Contains("chat was upgraded", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase);
}
