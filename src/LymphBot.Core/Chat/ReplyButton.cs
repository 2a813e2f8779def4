namespace LymphBot.Core.Chat;

/// <summary>
/// A button under a reply. <see cref="Data"/> is an id the bot understands (for example <c>kb:techniques</c>),
/// never text to be matched again, and stays within Telegram's 64-byte callback limit.
/// </summary>
public sealed record ReplyButton(string Label, string Data)
{
    public const int MaxDataBytes = 64;
}
