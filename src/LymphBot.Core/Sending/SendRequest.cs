namespace LymphBot.Core.Sending;

/// <summary>
/// How to send a reply this time: in reply to which message (groups quote the question), from which part on (after a
/// failure part way through), and whether without formatting (after the platform could not read it).
/// </summary>
public sealed record SendRequest(string? ReplyToMessageId = null, int FromPart = 0, bool Plain = false)
{
    /// <summary>
    /// The platform's id of the message whose button was pressed, when the reply answers a press: a reply with
    /// <see cref="Chat.Reply.ReplacesPressedMessage"/> edits this message instead of posting a new one.
    /// </summary>
    public string? PressedMessageId { get; init; }

    public static SendRequest Unprompted { get; } = new();
}
