using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>What the bot does with a location a member shares (at most one is registered: naming their time zone).</summary>
public interface ILocationHandler
{
    Task<Reply> HandleAsync(IncomingMessage message, GeoPoint location, CancellationToken cancellationToken);
}
