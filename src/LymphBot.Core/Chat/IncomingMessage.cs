namespace LymphBot.Core.Chat;

/// <summary>
/// A platform event translated by an adapter: a text message, a shared location, or a press of one of the bot's buttons.
/// </summary>
/// <param name="Chat">Where it was said; replies go back here.</param>
/// <param name="Sender">Who said it.</param>
/// <param name="Text">The text, with any leading mention of the bot already removed by the adapter.</param>
/// <param name="Kind">Direct or group chat.</param>
/// <param name="AddressesBot">The message mentions the bot or replies to one of its messages.</param>
/// <param name="BotUsername">The bot's own username, so <c>/ask@OtherBot</c> can be told from <c>/ask@OurBot</c>.</param>
/// <param name="ButtonData">Set instead of text when the user pressed one of the bot's buttons.</param>
public sealed record IncomingMessage(
    ChatAddress Chat,
    ChatUser Sender,
    string Text,
    ChatKind Kind = ChatKind.Direct,
    bool AddressesBot = false,
    string? BotUsername = null,
    string? ButtonData = null)
{
    /// <summary>Facts only the platform knows, such as whether the sender administers this chat.</summary>
    public SenderFacts Facts { get; init; } = SenderFacts.None;

    /// <summary>A location the member shared (Telegram's location message); the text is then empty. Never stored.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The platform lets the member share a location here with a button (Telegram's private chats).</summary>
    public bool CanShareLocation { get; init; }

    /// <summary>
    /// A reply marked <see cref="Reply.Private"/> is seen by the sender alone even in a group (Discord's ephemeral
    /// answers to interactions). Direct chats are private anyway.
    /// </summary>
    public bool RepliesPrivately { get; init; }

    /// <summary>
    /// The sender's direct chat with the bot, for what must reach them alone when said in a group (a sign-in link);
    /// <c>null</c> where the adapter cannot address one.
    /// </summary>
    public ChatAddress? DirectChat { get; init; }
}
