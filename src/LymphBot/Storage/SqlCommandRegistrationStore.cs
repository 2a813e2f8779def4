using Dapper;
using LymphBot.Core.Commands;

namespace LymphBot.Storage;

public sealed class SqlCommandRegistrationStore(Database database) : ICommandRegistrationStore
{
    public async Task<string?> FindHashAsync(string platform, string scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT hash FROM command_registrations WHERE platform = @platform AND scope = @scope", new { platform, scope }, cancellationToken: cancellationToken));
    }

    public async Task SaveHashAsync(string platform, string scope, string hash, DateTimeOffset registeredAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO command_registrations (platform, scope, hash, registered_at) VALUES (@platform, @scope, @hash, @at) " +
            "ON CONFLICT (platform, scope) DO UPDATE SET hash = excluded.hash, registered_at = excluded.registered_at",
            new { platform, scope, hash, at = registeredAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }
}
