namespace LymphBot.Core.Chat;

/// <summary>
/// A platform refused a send. <see cref="Failure"/> says whether trying again can help, so the delivery
/// pipeline can retry, wait, or pause the subscription without knowing platform error codes.
/// </summary>
public sealed class ChatSendException : Exception
{
    public ChatSendException()
    {
    }

    public ChatSendException(string message)
        : base(message)
    {
    }

    public ChatSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChatSendException(SendFailure failure, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        RetryAfter = retryAfter;
    }

    public SendFailure Failure { get; } = SendFailure.Transient;

    /// <summary>How long the platform asked us to wait (rate limits).</summary>
    public TimeSpan? RetryAfter { get; }
}
