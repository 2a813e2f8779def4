namespace LymphBot.Core.Commands;

/// <summary>
/// What command set was last registered with a platform, per scope, as a hash of what was sent: a restart registers
/// again only when the generated set changed (Discord counts command creations per day and per guild).
/// </summary>
public interface ICommandRegistrationStore
{
    Task<string?> FindHashAsync(string platform, string scope, CancellationToken cancellationToken);

    Task SaveHashAsync(string platform, string scope, string hash, DateTimeOffset registeredAt, CancellationToken cancellationToken);
}
