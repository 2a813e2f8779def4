namespace LymphBot.Core.Chat;

/// <summary>
/// What the bot says, independent of any platform. <see cref="Text"/> uses <see cref="ReplyMarkup"/>:
/// <c>**bold**</c> and <c>`code`</c> only, with user text escaped by <see cref="ReplyMarkup.Escape"/>;
/// each adapter renders it safely for its platform and splits it at the platform's length limit.
/// </summary>
public sealed record Reply(string Text)
{
    /// <summary>Rows of buttons; each inner list is one row.</summary>
    public IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons { get; init; } = [];

    /// <summary>Where the content comes from, shown after the text (for example "Lymphatic Massage…, ¶2").</summary>
    public string? Citation { get; init; }

    /// <summary>Only the asking user needs to see it (Discord ephemeral replies); other platforms ignore it.</summary>
    public bool Private { get; init; }

    /// <summary>
    /// Identifies one logical send across retries (a reminder occurrence), so platforms that can de-duplicate do
    /// (Discord's <c>nonce</c> with <c>enforce_nonce</c>). <c>null</c> for ordinary replies.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// This reply is the new state of the message whose button was pressed (a list after Pause, a picker's next step),
    /// so it takes that message's place instead of following it: the adapter edits the pressed message in place, text
    /// and buttons (no buttons here removes them), and posts nothing new. An adapter that cannot edit (or finds the
    /// message too old to edit) sends it as a new message; an edit that would change nothing counts as done. It
    /// means nothing for a reply to typed text.
    /// </summary>
    public bool ReplacesPressedMessage { get; init; }

    /// <summary>
    /// The label of a button that shares the member's location with the bot (Telegram's reply keyboard with
    /// <c>request_location</c>, shown once under the input field); <c>null</c> for none. Set only where the message
    /// said the member can (<see cref="IncomingMessage.CanShareLocation"/>).
    /// </summary>
    public string? LocationRequest { get; init; }

    /// <summary>Takes away a <see cref="LocationRequest"/> button shown earlier: it has been answered (or is no longer needed).</summary>
    public bool EndsLocationRequest { get; init; }

    /// <summary>A command's way of staying silent (for example after a rate-limit notice); the router sends nothing.</summary>
    public static Reply Silence { get; } = new(string.Empty);

    public static Reply Plain(string text) => new(ReplyMarkup.Escape(text));

    /// <summary>
    /// A refusal or an error: plain text that concerns only the asker, so it is private where the platform allows
    /// (a Discord ephemeral reply) instead of telling the whole channel what someone may not do.
    /// </summary>
    public static Reply Refusal(string text) => Plain(text) with { Private = true };
}
