using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>Handles presses of buttons whose data starts with <see cref="Prefix"/> and a colon.</summary>
public interface IButtonHandler
{
    /// <summary>The part of <see cref="ReplyButton.Data"/> before the first colon, e.g. <c>kb</c>.</summary>
    string Prefix { get; }

    /// <summary>Handles the press; <paramref name="payload"/> is the data after the first colon.</summary>
    Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken);
}
