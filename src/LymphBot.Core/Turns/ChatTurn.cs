using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Sending;
using Microsoft.Extensions.Logging;

namespace LymphBot.Core.Turns;

/// <summary>
/// One turn of a conversation, the same for every adapter: the adapter has mapped a platform event to an
/// <see cref="IncomingMessage"/>; Core routes it, sends the reply with the turn's retry policy
/// (<see cref="ReplySender"/>), and logs what became of it. Nothing a command throws escapes the router.
/// </summary>
public sealed partial class ChatTurn(CommandRouter router, ReplySender sender, ILogger<ChatTurn> logger)
{
    /// <summary>
    /// Routes <paramref name="message"/> and sends the reply, if any, as <paramref name="request"/> says, trying until
    /// <paramref name="retryUntil"/>. Returns what became of the reply; <c>null</c> when the bot stays silent.
    /// </summary>
    public async Task<SendReport?> RunAsync(IncomingMessage message, SendRequest request, DateTimeOffset retryUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reply = await router.HandleAsync(message, cancellationToken);
        if (reply is null)
        {
            return null;
        }

        var report = await sender.SendAsync(message.Chat, reply, request, retryUntil, cancellationToken);
        LogTurn(report.Outcome, report.PartsSent);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn done: reply {Outcome} ({Parts} part(s) sent)")]
    private partial void LogTurn(SendOutcome outcome, int parts);
}
