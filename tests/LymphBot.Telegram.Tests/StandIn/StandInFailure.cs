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

    /// <summary>
    /// The message is posted and Telegram answers 200, but with a body the client cannot read (a <c>date</c> out of
    /// range, as a third-party emulator sent): a success, as far as the chat is concerned.
    /// </summary>
    public static StandInFailure UnreadableSuccess() => new(200, "ok, but the date is out of range");

    /// <summary>An edit of a message Telegram no longer lets the bot edit (older than 48 hours, or not the bot's).</summary>
    public static StandInFailure CantBeEdited() => new(400, "Bad Request: message can't be edited");

    /// <summary>An edit to exactly what the message already says and shows.</summary>
    public static StandInFailure NotModified() =>
        new(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

    /// <summary>A group upgraded to a supergroup: the Bot API's 400 with <c>migrate_to_chat_id</c>.</summary>
    public static StandInFailure Migrated(long newChatId) => new(400, "Bad Request: group chat was upgraded to a supergroup chat") { MigrateToChatId = newChatId };

    /// <summary>Set for <see cref="Migrated"/>: the chat's new id, in <c>parameters</c>.</summary>
    public long? MigrateToChatId { get; init; }
}
