namespace LymphBot.Core.Chat;

/// <summary>
/// A chat platform the bot can send to on its own initiative (reminders, tips of the day).
/// Implemented by each adapter; <see cref="ChatPlatforms"/> routes a send to the right one.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The platform name used in <see cref="ChatAddress.Platform"/>, e.g. <c>telegram</c>.</summary>
    string Name { get; }

    /// <summary>Renders and sends a reply to an address; throws <see cref="ChatSendException"/> when the platform refuses.</summary>
    Task SendAsync(ChatAddress address, Reply reply, CancellationToken cancellationToken);
}
